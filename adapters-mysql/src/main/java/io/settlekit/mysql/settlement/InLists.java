package io.settlekit.mysql.settlement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** {@code IN (?, ?, …)} lists over large id sets: distinct ids cut into chunks of a size MySQL handles well. */
final class InLists {
    /** Ids per statement: one statement covers a whole batch of the core's bill and reminder reads. */
    static final int CHUNK = 5_000;

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
