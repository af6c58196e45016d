package io.settlekit.refresh;

import io.settlekit.base.Port;
import java.time.Instant;

/**
 * Counters that live for one day: the single atomic step the refresh limit (DOMAIN.md §8) needs from a
 * backend. The limit's algorithm itself is {@link io.settlekit.refresh.RefreshLimiter}, written once.
 *
 * <p>Implementations must be atomic across every caller that shares the backend: two concurrent
 * increments of one key never return the same count.
 */
@Port
public interface DailyCounters {

    /**
     * Increments the counter of {@code key} and returns its new value.
     *
     * <p>When the counter is absent or has expired ({@code now} is after its expiry), it restarts at 1 and
     * expires at {@code expiresAt}; otherwise it is incremented and keeps its expiry.
     *
     * @param key       the counter's key; the limiter's keys carry the calendar day they count
     * @param expiresAt when the counter expires (the end of that day in the deployment zone)
     * @param now       the caller's current instant, for adapters that expire entries lazily; backends with
     *                  their own expiry (Redis) may use their own clock instead
     * @return the count after this increment, at least 1
     */
    long increment(String key, Instant expiresAt, Instant now);
}
