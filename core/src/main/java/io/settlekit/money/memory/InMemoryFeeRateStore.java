package io.settlekit.money.memory;

import io.settlekit.money.FeeRate;
import io.settlekit.money.FeeRateStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate history in memory: per station and pair, a list kept sorted by save time (appends at equal times
 * stay in append order), searched by bisection. Thread-safe.
 */
public final class InMemoryFeeRateStore implements FeeRateStore {
    private final Map<String, Map<Pair, List<FeeRate>>> byStation = new ConcurrentHashMap<>();

    private record Pair(String from, String to) {
    }

    @Override
    public void append(FeeRate rate) {
        List<FeeRate> history = byStation.computeIfAbsent(rate.station(), s -> new ConcurrentHashMap<>())
                .computeIfAbsent(new Pair(rate.from(), rate.to()), p -> new ArrayList<>());
        synchronized (history) {
            history.add(lastIndexAtOrBefore(history, rate.savedAt()) + 1, rate);
        }
    }

    @Override
    public Optional<FeeRate> rateAt(String station, String from, String to, Instant at) {
        Map<Pair, List<FeeRate>> pairs = byStation.get(station);
        List<FeeRate> history = pairs == null ? null : pairs.get(new Pair(from, to));
        return history == null ? Optional.empty() : latest(history, at);
    }

    @Override
    public List<FeeRate> ratesAt(String station, Instant at) {
        Map<Pair, List<FeeRate>> pairs = byStation.getOrDefault(station, Map.of());
        List<FeeRate> current = new ArrayList<>();
        pairs.values().forEach(history -> latest(history, at).ifPresent(current::add));
        current.sort(Comparator.comparing(FeeRate::from).thenComparing(FeeRate::to));
        return current;
    }

    private static Optional<FeeRate> latest(List<FeeRate> history, Instant at) {
        synchronized (history) {
            int index = lastIndexAtOrBefore(history, at);
            return index < 0 ? Optional.empty() : Optional.of(history.get(index));
        }
    }

    /** Index of the last rate saved at or before {@code at}, or -1. The list is sorted by save time. */
    private static int lastIndexAtOrBefore(List<FeeRate> history, Instant at) {
        int low = 0;
        int high = history.size() - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (history.get(mid).savedAt().isAfter(at)) {
                high = mid - 1;
            } else {
                found = mid;
                low = mid + 1;
            }
        }
        return found;
    }
}
