package io.settlekit.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.access.Actor;
import io.settlekit.refresh.memory.InMemoryDailyCounters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The refresh limit on the in-memory counters over random presses around day boundaries (jqwik): several
 * users, several callers whose clocks differ by fractions of a millisecond, sweeps as often as every
 * increment, in a fixed-offset zone and across New York's 23-hour and 25-hour days. However the presses
 * fall, no user is allowed more than {@code max} refreshes in one day.
 */
class InMemoryDailyCountersPropertiesTest {
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("America/New_York"));
    /** Days whose ends are the boundaries pressed around: 2026-03-08 and 2026-11-01 are DST days in New York. */
    private static final List<LocalDate> DAYS = List.of(LocalDate.of(2026, 3, 7), LocalDate.of(2026, 3, 8),
            LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 1));

    /** One press: by which caller, for which user, at which true time (ns around the end of which day). */
    record Press(int caller, int user, int day, long nanosFromMidnight) {
    }

    @Provide
    Arbitrary<List<Press>> presses() {
        Arbitrary<Press> press = Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, DAYS.size() - 1),
                Arbitraries.longs().between(-3_000_000L, 3_000_000L)).as(Press::new);
        return press.list().ofMinSize(1).ofMaxSize(120);
    }

    @Provide
    Arbitrary<List<Long>> skews() {
        // each caller's clock: up to 1.5 ms either side of the true time, at nanosecond resolution
        return Arbitraries.longs().between(-1_500_000L, 1_500_000L).list().ofSize(4);
    }

    @Property(tries = 1000)
    void noUserIsAllowedMoreThanMaxInOneDay(@ForAll("presses") List<Press> presses,
                                            @ForAll("skews") @Size(4) List<Long> skews,
                                            @ForAll @IntRange(min = 1, max = 3) int max,
                                            @ForAll @IntRange(min = 1, max = 8) int sweepEvery,
                                            @ForAll @IntRange(min = 0, max = 1) int zoneIndex) {
        ZoneId zone = ZONES.get(zoneIndex);
        InMemoryDailyCounters counters = new InMemoryDailyCounters(InMemoryDailyCounters.DEFAULT_RETENTION, sweepEvery);
        List<RefreshLimiter> callers = new ArrayList<>();
        for (int i = 0; i < skews.size(); i++) {
            callers.add(new RefreshLimiter(counters, Clock.system(zone), zone, max));
        }
        List<Press> inTrueTimeOrder = new ArrayList<>(presses);
        inTrueTimeOrder.sort(Comparator.comparing((Press p) -> trueTime(p, zone)));

        Map<String, Integer> allowedPerUserAndDay = new HashMap<>();
        for (Press press : inTrueTimeOrder) {
            Instant callersNow = trueTime(press, zone).plusNanos(skews.get(press.caller()));
            RefreshDecision decision = callers.get(press.caller())
                    .checkAt(Actor.user("u" + press.user()), RefreshLimiter.BALANCE_REFRESH, callersNow);
            if (decision.allowed()) {
                allowedPerUserAndDay.merge(press.user() + "@" + decision.resetsAt().toLocalDate(), 1, Integer::sum);
            }
        }

        assertThat(allowedPerUserAndDay.values()).allSatisfy(allowed -> assertThat(allowed).isLessThanOrEqualTo(max));
    }

    private static Instant trueTime(Press press, ZoneId zone) {
        return DAYS.get(press.day()).plusDays(1).atStartOfDay(zone).toInstant().plus(Duration.ofNanos(press.nanosFromMidnight()));
    }
}
