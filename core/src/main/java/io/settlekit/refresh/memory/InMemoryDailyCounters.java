package io.settlekit.refresh.memory;

import io.settlekit.refresh.DailyCounters;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Day counters in one JVM, as the seed designs them: each counter keeps its count and its expiry, and is
 * checked lazily when it is next incremented (expired means reset to 1 with the new expiry). Safe under
 * concurrent calls: each increment is one atomic {@link ConcurrentMap#compute}.
 *
 * <p>Counters of past days are never read again (the limiter's keys carry the day), so every
 * {@value #SWEEP_EVERY} increments the expired ones are swept away, keeping memory bounded by the
 * counters of the current day.
 */
public final class InMemoryDailyCounters implements DailyCounters {
    /** How many increments pass between two sweeps of expired counters. */
    public static final int SWEEP_EVERY = 1024;

    private record Counter(long count, Instant expiresAt) {
        boolean expiredAt(Instant now) {
            return now.isAfter(expiresAt);
        }
    }

    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final AtomicLong increments = new AtomicLong();

    @Override
    public long increment(String key, Instant expiresAt, Instant now) {
        Counter counter = counters.compute(key, (k, current) -> current == null || current.expiredAt(now)
                ? new Counter(1, expiresAt)
                : new Counter(current.count() + 1, current.expiresAt()));
        if (increments.incrementAndGet() % SWEEP_EVERY == 0) {
            counters.entrySet().removeIf(entry -> entry.getValue().expiredAt(now));
        }
        return counter.count();
    }

    /** How many counters are held (expired ones included until the next sweep). */
    public int size() {
        return counters.size();
    }
}
