package io.settlekit.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a list into consecutive slices of at most a given size (views, not copies).
 *
 * <p>Thread-safe: a static function of its arguments, no state.
 */
public final class Batches {
    private Batches() {
    }

    public static <T> List<List<T>> of(List<T> items, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            batches.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return batches;
    }
}
