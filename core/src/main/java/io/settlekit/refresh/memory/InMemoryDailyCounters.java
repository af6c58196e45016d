package io.settlekit.refresh.memory;

import io.settlekit.Checks;
import io.settlekit.refresh.port.DailyCounters;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Day counters in one JVM: each counter keeps its count and its expiry (the last millisecond of its day),
 * and is checked lazily when it is next incremented. Safe under concurrent calls: each increment is one
 * atomic {@link ConcurrentMap#compute}.
 *
 * <p><b>A counter belongs to its day.</b> Expiry is compared at millisecond resolution, the resolution of
 * the expiry itself: an instant inside the last millisecond of a day (23:59:59.9995) is still that day, so
 * the counter of that day is not restarted by it.
 *
 * <p><b>Sweeping.</b> Every {@code sweepEvery} increments (default {@value #SWEEP_EVERY}) the counters of
 * days long over are dropped, keeping memory bounded by the counters of the last few days. Callers may
 * read different clocks (several limiters, replays through {@code checkAt}), so no single caller's "now"
 * decides: the sweep takes the <em>earliest</em> instant passed by any increment since the last sweep and
 * drops only counters that expired more than {@code retention} (default one day) before it. A caller whose
 * clock is ahead therefore never drops a counter that a caller behind still counts on; a caller far
 * behind only delays sweeping. Counts stay exact for callers whose clocks are within {@code retention} of
 * each other.
 */
public final class InMemoryDailyCounters implements DailyCounters {
    /** How many increments pass between two sweeps of expired counters, by default. */
    public static final int SWEEP_EVERY = 1024;
    /** How long a counter is kept after its expiry, by default. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(1);

    private record Counter(long count, Instant expiresAt) {
        boolean expiredAt(Instant now) {
            // the expiry is a millisecond: every instant inside it still belongs to the counter's day
            return now.truncatedTo(ChronoUnit.MILLIS).isAfter(expiresAt);
        }
    }

    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final AtomicLong increments = new AtomicLong();
    // the earliest "now" passed since the last sweep (null: none): the sweep's reference, not one caller's now
    private final AtomicReference<Instant> earliestSinceSweep = new AtomicReference<>();
    private final Duration retention;
    private final int sweepEvery;

    /** Counters swept every {@value #SWEEP_EVERY} increments, kept a day past their expiry. */
    public InMemoryDailyCounters() {
        this(DEFAULT_RETENTION, SWEEP_EVERY);
    }

    /**
     * @param retention  how long a counter is kept after its expiry, measured from the earliest instant
     *                   any caller passed since the last sweep; at least zero
     * @param sweepEvery how many increments pass between two sweeps, 1 to {@value Integer#MAX_VALUE}
     */
    public InMemoryDailyCounters(Duration retention, int sweepEvery) {
        this.retention = Checks.notNegative("retention", retention);
        this.sweepEvery = Checks.inRange("sweep_every", sweepEvery, 1, Integer.MAX_VALUE);
    }

    @Override
    public long increment(String key, Instant expiresAt, Instant now) {
        earliestSinceSweep.accumulateAndGet(now, (earliest, next) -> earliest == null || next.isBefore(earliest) ? next : earliest);
        Counter counter = counters.compute(key, (k, current) -> current == null || current.expiredAt(now)
                ? new Counter(1, expiresAt)
                : new Counter(current.count() + 1, current.expiresAt()));
        if (increments.incrementAndGet() % sweepEvery == 0) {
            sweep();
        }
        return counter.count();
    }

    private void sweep() {
        Instant earliest = earliestSinceSweep.getAndSet(null);
        if (earliest == null || earliest.isBefore(Instant.MIN.plus(retention))) {
            return; // a concurrent sweep took this window's instants, or nothing can be before them
        }
        Instant before = earliest.minus(retention);
        // removeIf on a ConcurrentHashMap removes an entry only if it is unchanged since it was tested
        counters.entrySet().removeIf(entry -> entry.getValue().expiresAt().isBefore(before));
    }

    /** How many counters are held (expired ones included until a sweep drops them). */
    public int size() {
        return counters.size();
    }
}
