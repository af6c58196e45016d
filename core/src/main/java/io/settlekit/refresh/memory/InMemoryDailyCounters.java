package io.settlekit.refresh.memory;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;
import io.settlekit.refresh.CountingDay;
import io.settlekit.refresh.DailyCounters;
import io.settlekit.refresh.DayCount;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Day counters in one JVM: one counter per key and day, so a counter belongs to its day and is never
 * restarted while that day is still asked for (23:59:59.9995 is still its day: days are compared as
 * instants, not milliseconds). The day is the offered day that contains the caller's {@code now}. Safe
 * under concurrent calls: each take is one atomic {@link ConcurrentMap#compute}.
 *
 * <p><b>Sweeping.</b> Every {@code sweepEvery} takes (default {@value #SWEEP_EVERY}) the counters of days
 * long over are dropped, keeping memory bounded by the counters of the last few days. Callers may read
 * different clocks (several limiters, replays through {@code checkAt}), so no single caller's "now"
 * decides: the sweep takes the <em>earliest</em> instant passed by any take since the last sweep and drops
 * only counters whose day ended more than {@code retention} (default one day) before it. A caller whose
 * clock is ahead therefore never drops a counter that a caller behind still counts on; a caller far behind
 * only delays sweeping. Counts stay exact for callers whose clocks are within {@code retention} of each
 * other.
 *
 * <p>Thread-safe: counters live in a concurrent map and change only by atomic operations.
 */
public final class InMemoryDailyCounters implements DailyCounters {
    /** How many takes pass between two sweeps of counters of past days, by default. */
    public static final int SWEEP_EVERY = 1024;
    /** How long a counter is kept after its day ends, by default. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(1);

    private record DayKey(String key, LocalDate date) {
    }

    private record Counter(long count, Instant dayEnd) {
    }

    private final ConcurrentMap<DayKey, Counter> counters = new ConcurrentHashMap<>();
    private final AtomicLong takes = new AtomicLong();
    // the earliest "now" passed since the last sweep (null: none): the sweep's reference, not one caller's now
    private final AtomicReference<Instant> earliestSinceSweep = new AtomicReference<>();
    private final Duration retention;
    private final int sweepEvery;

    /** Counters swept every {@value #SWEEP_EVERY} takes, kept a day past their day. */
    public InMemoryDailyCounters() {
        this(DEFAULT_RETENTION, SWEEP_EVERY);
    }

    /**
     * @param retention  how long a counter is kept after its day ends, measured from the earliest instant
     *                   any caller passed since the last sweep; at least zero
     * @param sweepEvery how many takes pass between two sweeps, 1 to {@value Integer#MAX_VALUE}
     */
    public InMemoryDailyCounters(Duration retention, int sweepEvery) {
        this.retention = Checks.notNegative("retention", retention);
        this.sweepEvery = Checks.inRange("sweep_every", sweepEvery, 1, Integer.MAX_VALUE);
    }

    @Override
    public DayCount take(String key, List<CountingDay> days, int max, Instant now) {
        Checks.notBlank("key", key);
        Checks.notNegative("max", max);
        CountingDay day = dayOf(Checks.present("days", days), Checks.present("now", now));
        earliestSinceSweep.accumulateAndGet(now, (earliest, next) -> earliest == null || next.isBefore(earliest) ? next : earliest);
        boolean[] taken = new boolean[1];
        Counter counter = counters.compute(new DayKey(key, day.date()), (k, current) -> {
            long count = current == null ? 0 : current.count();
            if (count >= max) {
                return current;
            }
            taken[0] = true;
            return new Counter(count + 1, day.end());
        });
        if (takes.incrementAndGet() % sweepEvery == 0) {
            sweep();
        }
        return new DayCount(day, counter == null ? 0 : counter.count(), taken[0]);
    }

    @Override
    public long giveBack(String key, LocalDate day) {
        Checks.notBlank("key", key);
        Counter counter = counters.computeIfPresent(new DayKey(key, Checks.present("day", day)),
                (k, current) -> current.count() > 1 ? new Counter(current.count() - 1, current.dayEnd()) : null);
        return counter == null ? 0 : counter.count();
    }

    private static CountingDay dayOf(List<CountingDay> days, Instant now) {
        for (CountingDay day : days) {
            if (day.contains(now)) {
                return day;
            }
        }
        throw ValidationException.invalid("now", now, "lies in none of the days offered " + days);
    }

    private void sweep() {
        Instant earliest = earliestSinceSweep.getAndSet(null);
        if (earliest == null || earliest.isBefore(Instant.MIN.plus(retention))) {
            return; // a concurrent sweep took this window's instants, or nothing can be before them
        }
        Instant before = earliest.minus(retention);
        // removeIf on a ConcurrentHashMap removes an entry only if it is unchanged since it was tested
        counters.entrySet().removeIf(entry -> entry.getValue().dayEnd().isBefore(before));
    }

    /** How many counters are held (those of past days included until a sweep drops them). */
    public int size() {
        return counters.size();
    }
}
