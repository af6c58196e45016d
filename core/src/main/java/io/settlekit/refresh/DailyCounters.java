package io.settlekit.refresh;

import io.settlekit.base.Port;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Counters that live for one day: the single atomic step the refresh limit (rule R8.2 of docs/rules.md) needs from a
 * backend. The limit's algorithm itself is {@link io.settlekit.refresh.RefreshLimiter}, written once.
 *
 * <p><b>One clock.</b> The caller offers a few candidate days (computed with the zone's rules around its
 * own clock) and the backend counts on the one that contains <em>its</em> now: a shared backend (Redis)
 * reads its own clock, so service instances whose clocks differ still agree on the day; the in-memory
 * backend, in one JVM, takes the caller's {@code now}.
 *
 * <p>Implementations must be atomic across every caller that shares the backend: concurrent takes of one
 * key and day never take more than {@code max} units, and never return the same count as taken.
 */
@Port
public interface DailyCounters {

    /**
     * Takes one unit of the counter of {@code key} for the day, among {@code days}, that contains the
     * backend's now, if fewer than {@code max} are taken: the counter then counts one more and expires
     * after that day. A call that finds {@code max} or more units taken changes nothing.
     *
     * @param key  the counter's key, without the day (the backend keeps one counter per key and day)
     * @param days candidate days in time order (the limiter offers yesterday, today and tomorrow of its
     *             own clock)
     * @param max  the most units a key may have taken in one day, at least 0
     * @param now  the caller's current instant; backends with a shared clock (Redis) use their own
     * @return the day counted on and its count
     * @throws io.settlekit.base.SettlekitException when the backend's now lies in none of {@code days} (its
     *         clock and the caller's differ by more than a day), counting nothing
     */
    DayCount take(String key, List<CountingDay> days, int max, Instant now);

    /**
     * Gives back one unit taken from the counter of {@code key} on {@code day} (what was taken for a
     * refresh that then failed), so that it can be taken again that day. The count drops by one and
     * never below zero; an absent counter (nothing taken, or its day long over) stays absent. Atomic with
     * {@link #take}: a take and a give-back never lose each other's change.
     *
     * @param key the counter's key, as given to {@link #take}
     * @param day the day the unit was taken on ({@link DayCount#day()})
     * @return the count after the call
     */
    long giveBack(String key, LocalDate day);
}
