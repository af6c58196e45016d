package io.settlekit.benchmarks.calendar;

import io.settlekit.billing.Cycle;
import io.settlekit.billing.Period;
import io.settlekit.billing.Plan;
import io.settlekit.billing.SettleRemind;
import io.settlekit.billing.BillingCalendar;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Calendar: the period and settle date of a random date over a 3-plan history (monthly, weekly, custom).
 * Three histories rotate which plan is the latest, so that far dates exercise every cycle. {@code years}
 * is the distance of the dates from the latest plan's anchor. Baseline: one {@code LocalDate.plusMonths}
 * call. Peer: a naive calendar stepping period by period from the anchor.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CalendarBenchmark {
    private static final int DATES = 4096;

    /** Distance of the queried dates from the latest plan's effective date, in years. */
    @Param({"1", "10", "100"})
    public int years;

    private BillingCalendar[] calendars;
    private NaiveCalendar[] naive;
    private LocalDate[] dates;
    private int[] which;
    private int next;

    /** Builds the histories and the random dates. */
    @Setup(Level.Trial)
    public void setUp() {
        Plan monthly = new Plan(new Cycle.Monthly(31, 5), LocalDate.of(2020, 1, 31), SettleRemind.daysBefore(2));
        Plan weekly = new Plan(new Cycle.Weekly(7, 1), LocalDate.of(2020, 7, 1), SettleRemind.OFF);
        Plan custom = new Plan(new Cycle.Custom(13, 5), LocalDate.of(2021, 1, 1), SettleRemind.daysBefore(1));
        List<List<Plan>> histories = List.of(
                List.of(monthly, weekly, custom),
                List.of(at(custom, LocalDate.of(2020, 1, 31)), at(monthly, LocalDate.of(2020, 7, 1)), at(weekly, LocalDate.of(2021, 1, 1))),
                List.of(at(weekly, LocalDate.of(2020, 1, 31)), at(custom, LocalDate.of(2020, 7, 1)), at(monthly, LocalDate.of(2021, 1, 1))));
        calendars = histories.stream().map(BillingCalendar::of).toArray(BillingCalendar[]::new);
        naive = histories.stream().map(NaiveCalendar::new).toArray(NaiveCalendar[]::new);
        SplittableRandom random = new SplittableRandom(7);
        dates = new LocalDate[DATES];
        which = new int[DATES];
        LocalDate latestAnchor = LocalDate.of(2021, 1, 1);
        for (int i = 0; i < DATES; i++) {
            which[i] = random.nextInt(histories.size());
            dates[i] = latestAnchor.plusYears(years - 1L).plusDays(random.nextInt(365));
        }
    }

    private static Plan at(Plan plan, LocalDate effective) {
        return new Plan(plan.cycle(), effective, plan.remind());
    }

    private int advance() {
        int i = next;
        next = (i + 1) & (DATES - 1);
        return i;
    }

    /** The physical limit: one month step on a random date. */
    @Benchmark
    public LocalDate baseline() {
        return dates[advance()].plusMonths(1);
    }

    /** Settlekit: the anchored calendar's period containing the date, with its settle date. */
    @Benchmark
    public LocalDate settlekit() {
        int i = advance();
        Period period = calendars[which[i]].periodContaining(dates[i]);
        return period.settle();
    }

    /** The peer: stepping period by period from the anchor. */
    @Benchmark
    public long peerNaiveStepping() {
        int i = advance();
        return naive[which[i]].periodStartAndSettle(dates[i]);
    }
}
