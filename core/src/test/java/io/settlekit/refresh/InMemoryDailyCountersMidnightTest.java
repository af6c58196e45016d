package io.settlekit.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.access.Actor;
import io.settlekit.refresh.memory.InMemoryDailyCounters;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The in-memory counters at midnight (issue 12, item 6): the last sub-millisecond of a day is still that
 * day, and a sweep made by a caller whose clock is past midnight keeps the counters of a caller whose
 * clock is not.
 */
class InMemoryDailyCountersMidnightTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant LAST_HALF_MILLISECOND = ZonedDateTime.of(2026, 11, 21, 23, 59, 59, 999_500_000, SHANGHAI).toInstant();
    private static final Actor U1 = Actor.user("u1");

    private final InMemoryDailyCounters counters = new InMemoryDailyCounters();

    private RefreshLimiter limiter() {
        return new RefreshLimiter(counters, Clock.system(SHANGHAI), SHANGHAI, 1);
    }

    @Test
    void fourPressesInTheLastHalfMillisecondOfADayAllowOne() {
        RefreshLimiter limiter = limiter();
        List<Boolean> allowed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            allowed.add(limiter.checkAt(U1, RefreshLimiter.BALANCE_REFRESH, LAST_HALF_MILLISECOND.plusNanos(100_000L * i)).allowed());
        }

        assertThat(allowed).containsExactly(true, false, false, false);
    }

    @Test
    void aSweepByACallerPastMidnightKeepsTheCountersOfACallerBeforeIt() {
        RefreshLimiter behind = limiter();
        RefreshLimiter ahead = limiter();
        Instant beforeMidnight = ZonedDateTime.of(2026, 11, 21, 23, 59, 59, 990_000_000, SHANGHAI).toInstant();
        Instant afterMidnight = ZonedDateTime.of(2026, 11, 22, 0, 0, 0, 10_000_000, SHANGHAI).toInstant();
        assertThat(behind.checkAt(U1, RefreshLimiter.BALANCE_REFRESH, beforeMidnight).allowed()).isTrue();

        // the node 20 ms ahead makes the increment that sweeps
        for (int i = 1; i < InMemoryDailyCounters.SWEEP_EVERY; i++) {
            ahead.checkAt(Actor.user("crowd-" + i), RefreshLimiter.BALANCE_REFRESH, afterMidnight);
        }

        assertThat(behind.checkAt(U1, RefreshLimiter.BALANCE_REFRESH, beforeMidnight.plusMillis(1)).allowed()).isFalse();
        assertThat(counters.size()).isEqualTo(InMemoryDailyCounters.SWEEP_EVERY);
    }
}
