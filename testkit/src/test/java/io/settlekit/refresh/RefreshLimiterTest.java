package io.settlekit.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.SettlekitException;
import io.settlekit.base.ValidationException;
import io.settlekit.access.Actor;
import io.settlekit.refresh.memory.InMemoryDailyCounters;
import io.settlekit.testkit.Concurrently;
import io.settlekit.testkit.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The refresh limit (rules R8 of docs/rules.md) on the in-memory counters, with a controlled clock. */
class RefreshLimiterTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZonedDateTime MORNING = ZonedDateTime.of(2026, 11, 21, 10, 0, 0, 0, SHANGHAI);
    private static final Actor U1 = Actor.user("u1");

    private final MutableClock clock = MutableClock.at(MORNING);
    private final InMemoryDailyCounters counters = new InMemoryDailyCounters();

    private RefreshLimiter limiter(int max) {
        return new RefreshLimiter(counters, clock, SHANGHAI, max);
    }

    /** What a stand-in for the counters does on a take. */
    private interface Take {
        DayCount take(String key, List<CountingDay> days, int max, Instant now);
    }

    /** Counters that answer takes with {@code take} and refuse give-backs. */
    private static DailyCounters taking(Take take) {
        return new DailyCounters() {
            @Override
            public DayCount take(String key, List<CountingDay> days, int max, Instant now) {
                return take.take(key, days, max, now);
            }

            @Override
            public long giveBack(String key, LocalDate day) {
                throw new AssertionError("nothing to give back");
            }
        };
    }

    @Test
    void aGivenBackRefreshMayBeTakenAgainTheSameDayAndOnlyAllowedDecisionsGiveBack() {
        RefreshLimiter limiter = limiter(1);
        RefreshDecision allowed = limiter.check(U1, RefreshLimiter.BALANCE_REFRESH);
        RefreshDecision denied = limiter.check(U1, RefreshLimiter.BALANCE_REFRESH);

        limiter.giveBack(U1, RefreshLimiter.BALANCE_REFRESH, denied);
        assertThat(limiter.check(U1, RefreshLimiter.BALANCE_REFRESH).allowed()).as("a denied decision gives nothing back").isFalse();

        limiter.giveBack(U1, RefreshLimiter.BALANCE_REFRESH, allowed);
        RefreshDecision again = limiter.check(U1, RefreshLimiter.BALANCE_REFRESH);
        assertThat(again).isEqualTo(allowed);
        assertThat(limiter.check(U1, RefreshLimiter.BALANCE_REFRESH).allowed()).isFalse();
    }

    @Test
    void aGiveBackAfterMidnightReturnsTheUnitToItsOwnDay() {
        RefreshLimiter limiter = limiter(1);
        clock.set(ZonedDateTime.of(2026, 11, 21, 23, 59, 59, 900_000_000, SHANGHAI));
        RefreshDecision lateRefresh = limiter.check(U1, RefreshLimiter.BALANCE_REFRESH);
        clock.advance(Duration.ofMillis(200)); // the refresh fails after midnight
        RefreshDecision nextDay = limiter.check(U1, RefreshLimiter.BALANCE_REFRESH);

        limiter.giveBack(U1, RefreshLimiter.BALANCE_REFRESH, lateRefresh);

        assertThat(nextDay.allowed()).isTrue();
        assertThat(limiter.check(U1, RefreshLimiter.BALANCE_REFRESH).allowed()).as("the next day's refresh stays used").isFalse();
    }

    @Test
    void aNonAdminGetsOneRefreshADayByDefault() {
        RefreshLimiter limiter = limiter(RefreshLimiter.DEFAULT_MAX);
        ZonedDateTime endOfDay = ZonedDateTime.of(2026, 11, 21, 23, 59, 59, 999_000_000, SHANGHAI);

        RefreshDecision first = limiter.check(U1, RefreshLimiter.BALANCE_REFRESH);
        RefreshDecision second = limiter.check(U1, RefreshLimiter.BALANCE_REFRESH);

        assertThat(first).isEqualTo(new RefreshDecision(true, 0, endOfDay, false));
        assertThat(second).isEqualTo(new RefreshDecision(false, 0, endOfDay, false));
        assertThat(second.message()).isEqualTo("no refreshes left today");
        assertThat(second.resetsAt().toOffsetDateTime().toString()).isEqualTo("2026-11-21T23:59:59.999+08:00");
    }

    @Test
    void exactlyMaxAreAllowedThenEveryOtherIsDenied() {
        RefreshLimiter limiter = limiter(3);
        List<Integer> remaining = new ArrayList<>();
        List<Boolean> allowed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            RefreshDecision decision = limiter.check(U1, RefreshLimiter.BALANCE_REFRESH);
            allowed.add(decision.allowed());
            remaining.add(decision.remaining());
        }

        assertThat(allowed).containsExactly(true, true, true, false, false, false);
        assertThat(remaining).containsExactly(2, 1, 0, 0, 0, 0);
    }

    @Test
    void adminsAreNeverLimitedNorCounted() {
        DailyCounters untouchable = taking((key, days, max, now) -> {
            throw new AssertionError("an admin must not be counted");
        });
        RefreshLimiter limiter = new RefreshLimiter(untouchable, clock, SHANGHAI, 1);
        Actor root = Actor.admin("root");

        for (int i = 0; i < 5; i++) {
            RefreshDecision decision = limiter.check(root, RefreshLimiter.BALANCE_REFRESH);
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.admin()).isTrue();
            assertThat(decision.remaining()).isEqualTo(1);
        }
    }

    @Test
    void theCountResetsAtTheDayBoundaryOfTheZone() {
        RefreshLimiter limiter = limiter(1);
        clock.set(ZonedDateTime.of(2026, 11, 21, 23, 59, 59, 998_000_000, SHANGHAI));
        assertThat(limiter.check(U1, RefreshLimiter.BALANCE_REFRESH).allowed()).isTrue();
        clock.advance(Duration.ofMillis(1)); // 23:59:59.999, still the same day
        assertThat(limiter.check(U1, RefreshLimiter.BALANCE_REFRESH).allowed()).isFalse();

        clock.advance(Duration.ofMillis(1)); // 00:00:00.000 of the 22nd in Shanghai (16:00 UTC)

        RefreshDecision nextDay = limiter.check(U1, RefreshLimiter.BALANCE_REFRESH);
        assertThat(nextDay.allowed()).isTrue();
        assertThat(nextDay.resetsAt().toOffsetDateTime().toString()).isEqualTo("2026-11-22T23:59:59.999+08:00");
        assertThat(limiter.check(U1, RefreshLimiter.BALANCE_REFRESH).allowed()).isFalse();
    }

    @Test
    void theDayIsTheDeploymentZonesNotUtcs() {
        // 15:59 UTC and 16:01 UTC are the same UTC day but two days in Shanghai
        RefreshLimiter limiter = limiter(1);
        assertThat(limiter.checkAt(U1, RefreshLimiter.BALANCE_REFRESH, Instant.parse("2026-11-21T15:59:00Z")).allowed()).isTrue();
        assertThat(limiter.checkAt(U1, RefreshLimiter.BALANCE_REFRESH, Instant.parse("2026-11-21T16:01:00Z")).allowed()).isTrue();
        assertThat(limiter.checkAt(U1, RefreshLimiter.BALANCE_REFRESH, Instant.parse("2026-11-21T23:00:00Z")).allowed()).isFalse();
    }

    @Test
    void usersAndActionsAreCountedApart() {
        RefreshLimiter limiter = limiter(1);
        limiter.check(U1, RefreshLimiter.BALANCE_REFRESH);

        assertThat(limiter.check(Actor.user("u2"), RefreshLimiter.BALANCE_REFRESH).allowed()).isTrue();
        assertThat(limiter.check(U1, "report_export").allowed()).isTrue();
        assertThat(limiter.check(U1, RefreshLimiter.BALANCE_REFRESH).allowed()).isFalse();
    }

    @Test
    void maxZeroDeniesEveryNonAdmin() {
        assertThat(limiter(0).check(U1, RefreshLimiter.BALANCE_REFRESH).allowed()).isFalse();
        assertThat(limiter(0).check(Actor.admin("root"), RefreshLimiter.BALANCE_REFRESH).allowed()).isTrue();
    }

    @Test
    void theEndOfADayFollowsTheZonesRulesOnDstDays() {
        ZoneId newYork = ZoneId.of("America/New_York");
        // 2026-03-08 has 23 hours in New York; its last millisecond is still 23:59:59.999 local
        ZonedDateTime end = RefreshLimiter.endOfDay(LocalDate.of(2026, 3, 8), newYork);

        assertThat(end.toLocalDateTime().toString()).isEqualTo("2026-03-08T23:59:59.999");
        assertThat(end.plusNanos(1_000_000)).isEqualTo(LocalDate.of(2026, 3, 9).atStartOfDay(newYork));
    }

    @Test
    void keysCarryTheActionAndTheUserVerbatim() {
        assertThat(RefreshLimiter.counterKey("balance_refresh", "用户:1")).isEqualTo("refresh:balance_refresh:用户:1");
    }

    @Test
    void theLimiterOffersYesterdayTodayAndTomorrowByTheZonesRulesAndAnswersOnTheDayTheCountersChose() {
        ZoneId newYork = ZoneId.of("America/New_York");
        List<List<CountingDay>> offered = new ArrayList<>();
        DailyCounters aheadByADay = taking((key, days, max, now) -> {
            offered.add(days);
            return new DayCount(days.get(2), 1, true); // a backend whose clock is already tomorrow
        });
        RefreshLimiter limiter = new RefreshLimiter(aheadByADay, clock, newYork, 1);

        RefreshDecision decision = limiter.checkAt(U1, RefreshLimiter.BALANCE_REFRESH, Instant.parse("2026-03-08T12:00:00Z"));

        assertThat(offered.get(0)).extracting(CountingDay::date)
                .containsExactly(LocalDate.of(2026, 3, 7), LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 9));
        CountingDay dstDay = offered.get(0).get(1);
        assertThat(Duration.between(dstDay.start(), dstDay.end())).as("the 23-hour day of 2026-03-08").isEqualTo(Duration.ofHours(23));
        assertThat(dstDay.start()).isEqualTo(Instant.parse("2026-03-08T05:00:00Z"));
        assertThat(dstDay.end()).isEqualTo(Instant.parse("2026-03-09T04:00:00Z"));
        assertThat(decision.resetsAt().toOffsetDateTime().toString()).isEqualTo("2026-03-09T23:59:59.999-04:00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "Balance", "balance refresh", "a:b", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void aBadActionIsATypedErrorAndCountsNothing(String action) {
        DailyCounters untouchable = taking((key, days, max, now) -> {
            throw new AssertionError("bad input must count nothing");
        });
        RefreshLimiter limiter = new RefreshLimiter(untouchable, clock, SHANGHAI, 1);

        assertThatThrownBy(() -> limiter.check(U1, action))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("action"));
    }

    @Test
    void badSettingsAreTypedErrors() {
        assertThatThrownBy(() -> limiter(-1)).isInstanceOfSatisfying(SettlekitException.class,
                e -> assertThat(e.getMessage()).isEqualTo("max = '-1': must be between 0 and 1000000"));
        assertThatThrownBy(() -> limiter(1).check(null, RefreshLimiter.BALANCE_REFRESH))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("actor"));
        assertThatThrownBy(() -> limiter(1).checkAt(U1, RefreshLimiter.BALANCE_REFRESH, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("at"));
    }

    @Test
    void concurrentClicksAllowExactlyMax() throws Exception {
        int max = 5;
        RefreshLimiter limiter = limiter(max);
        AtomicInteger allowed = new AtomicInteger();
        Concurrently.run(64, () -> {
            for (int i = 0; i < 20; i++) {
                if (limiter.check(U1, RefreshLimiter.BALANCE_REFRESH).allowed()) {
                    allowed.incrementAndGet();
                }
            }
        });
        assertThat(allowed.get()).isEqualTo(max);
    }

    @Test
    void theInMemoryCountersSweepDaysOverForEveryCaller() {
        RefreshLimiter limiter = limiter(1);
        for (int i = 0; i < InMemoryDailyCounters.SWEEP_EVERY - 1; i++) {
            limiter.check(Actor.user("u" + i), RefreshLimiter.BALANCE_REFRESH);
        }
        assertThat(counters.size()).isEqualTo(InMemoryDailyCounters.SWEEP_EVERY - 1);

        // the first sweep's window holds presses of the first day: its counters are kept
        clock.advance(Duration.ofDays(2));
        limiter.check(U1, RefreshLimiter.BALANCE_REFRESH);
        assertThat(counters.size()).isEqualTo(InMemoryDailyCounters.SWEEP_EVERY);

        // a whole window two days later: the first day ended more than the retention (a day) before it
        for (int i = 0; i < InMemoryDailyCounters.SWEEP_EVERY; i++) {
            limiter.check(U1, RefreshLimiter.BALANCE_REFRESH);
        }

        assertThat(counters.size()).isEqualTo(1);
    }
}
