package io.settlekit.mysql.billing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Reads by merchant id: up to {@link #CHUNK} distinct ids in one {@code IN (?, ?, …)} list; above that, one
 * streaming scan of the whole table (same other predicates) keeping only the requested ids, so every read
 * is one statement whatever the number of merchants.
 */
final class InLists {
    /** The most ids in one {@code IN} list; a larger set is read by one scan of the table. */
    static final int CHUNK = 5_000;

    /** Whether {@code distinctIds} ids are read by a scan of the whole table rather than an {@code IN} list. */
    static boolean scan(int distinctIds) {
        return distinctIds > CHUNK;
    }

    private InLists() {
    }

    static <T> List<List<T>> chunks(Collection<T> ids) {
        List<T> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            chunks.add(distinct.subList(from, Math.min(distinct.size(), from + CHUNK)));
        }
        return chunks;
    }

    /** {@code ?, ?, ?} for {@code count} parameters. */
    static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
