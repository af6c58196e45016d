package io.settlekit.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the calendar over random plan histories (jqwik): periods tile time with no gap or overlap,
 * every date lies in exactly one period, settle dates are never before period ends, periods are the
 * governing plan's regular period clipped to its range, the pending period is the earliest unsettled one,
 * and answers do not depend on the order of questions.
 */
class BillingCalendarPropertiesTest {
    private static final LocalDate ORIGIN = LocalDate.of(2000, 1, 1);

    @Provide
    Arbitrary<Cycle> cycles() {
        return Arbitraries.oneOf(
                Arbitraries.just(new Cycle.Daily()),
                Combinators.combine(Arbitraries.integers().between(1, 7), Arbitraries.integers().between(1, 7)).as(Cycle.Weekly::new),
                Combinators.combine(Arbitraries.integers().between(1, 31), Arbitraries.integers().between(1, 31)).as(Cycle.Monthly::new),
                Combinators.combine(Arbitraries.integers().between(1, 365), Arbitraries.integers().between(0, 365)).as(Cycle.Custom::new));
    }

    @Provide
    Arbitrary<List<Plan>> histories() {
        Arbitrary<LocalDate> dates = Arbitraries.integers().between(0, 3 * 365).map(ORIGIN::plusDays);
        Arbitrary<SettleRemind> reminds = Arbitraries.integers().between(0, 7).map(SettleRemind::new);
        return Combinators.combine(cycles(), dates, reminds).as(Plan::new).list().ofMinSize(1).ofMaxSize(6);
    }

    /** A day in or around the plans' years. */
    private static LocalDate day(int offset) {
        return ORIGIN.plusDays(offset);
    }

    @Property(tries = 300)
    void periodsTileTheTimelineWithNoGapOrOverlap(@ForAll("histories") List<Plan> plans,
                                                 @ForAll @IntRange(min = -400, max = 1600) int start) {
        BillingCalendar calendar = BillingCalendar.of(plans);
        LocalDate from = day(start);
        LocalDate to = from.plusDays(500);

        List<Period> periods = calendar.periodsOverlapping(from, to);

        assertThat(periods.get(0).contains(from)).isTrue();
        assertThat(periods.get(periods.size() - 1).contains(to)).isTrue();
        for (int i = 1; i < periods.size(); i++) {
            assertThat(periods.get(i).begin()).as("period %d follows period %d without gap or overlap", i, i - 1)
                    .isEqualTo(periods.get(i - 1).end().plusDays(1));
        }
        for (Period period : periods) {
            assertThat(period.settle()).isAfterOrEqualTo(period.end());
        }
    }

    @Property(tries = 300)
    void everyDateLiesInExactlyOnePeriodWhichIsTheSameFromEachOfItsDates(@ForAll("histories") List<Plan> plans,
                                                                        @ForAll @IntRange(min = -400, max = 1600) int start) {
        BillingCalendar calendar = BillingCalendar.of(plans);
        List<Period> periods = calendar.periodsOverlapping(day(start), day(start + 400));

        int index = 0;
        for (LocalDate date = day(start); !date.isAfter(day(start + 400)); date = date.plusDays(1)) {
            while (!periods.get(index).contains(date)) {
                index++; // periods are in date order, so the one containing the date is at or after the last one
            }
            // periods are sorted, so only the neighbours could also contain it
            assertThat(index + 1 < periods.size() && periods.get(index + 1).contains(date)).as("two periods contain %s", date).isFalse();
            assertThat(index > 0 && periods.get(index - 1).contains(date)).as("two periods contain %s", date).isFalse();
            assertThat(calendar.periodContaining(date)).isEqualTo(periods.get(index));
        }
    }

    @Property(tries = 300)
    void aPeriodIsItsPlansRegularPeriodClippedToThePlansRange(@ForAll("histories") List<Plan> plans,
                                                             @ForAll @IntRange(min = -400, max = 1600) int offset) {
        BillingCalendar calendar = BillingCalendar.of(plans);
        List<Plan> governing = calendar.history().plans();
        LocalDate date = day(offset);
        Period period = calendar.periodContaining(date);
        Plan plan = calendar.planAt(date);
        int index = governing.indexOf(plan);
        DateRange regular = plan.cycle().regularPeriod(date, plan.effectiveDate());

        LocalDate expectedBegin = index == 0 || !regular.begin().isBefore(plan.effectiveDate()) ? regular.begin() : plan.effectiveDate();
        LocalDate expectedEnd = index + 1 < governing.size() && regular.end().isAfter(governing.get(index + 1).effectiveDate().minusDays(1))
                ? governing.get(index + 1).effectiveDate().minusDays(1) : regular.end();
        assertThat(period.plan()).isEqualTo(plan);
        assertThat(period.begin()).isEqualTo(expectedBegin);
        assertThat(period.end()).isEqualTo(expectedEnd);
        assertThat(period.settle()).isEqualTo(plan.cycle().settleDate(expectedEnd));
        period.reminderDate().ifPresent(reminder -> assertThat(reminder).isEqualTo(period.settle().minusDays(plan.remind().days())));
    }

    @Property(tries = 300)
    void thePendingPeriodIsTheEarliestBegunAndUnsettledOne(@ForAll("histories") List<Plan> plans,
                                                          @ForAll @IntRange(min = -400, max = 1600) int offset) {
        BillingCalendar calendar = BillingCalendar.of(plans);
        LocalDate date = day(offset);

        Period pending = calendar.pendingAt(date);

        assertThat(pending.begin()).isBeforeOrEqualTo(date);
        assertThat(pending.settle()).isAfterOrEqualTo(date);
        // brute force: no earlier period (settle lags are at most 365 days) qualifies
        LocalDate lookBack = date.minusDays(400).isBefore(pending.begin()) ? date.minusDays(400) : pending.begin();
        for (Period earlier : calendar.periodsOverlapping(lookBack, pending.begin())) {
            if (earlier.begin().isBefore(pending.begin())) {
                assertThat(earlier.settle()).as("earlier period %s", earlier).isBefore(date);
            }
        }
        assertThat(calendar.deadline(date)).isEqualTo(calendar.periodContaining(date).settle());
    }

    @Property(tries = 200)
    void answersDoNotDependOnWhichDateWasAskedFirst(@ForAll("histories") List<Plan> plans,
                                                   @ForAll @IntRange(min = -400, max = 1600) int start,
                                                   @ForAll Random random) {
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            dates.add(day(start + i * 7));
        }
        BillingCalendar inOrder = BillingCalendar.of(plans);
        List<String> expected = dates.stream().map(d -> answer(inOrder, d)).toList();

        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        BillingCalendar shuffled = BillingCalendar.of(plans);
        for (int i : order) {
            assertThat(answer(shuffled, dates.get(i))).isEqualTo(expected.get(i));
        }
    }

    @Property(tries = 100)
    void monthlyPeriodsStartOnTheClampedBeginDayOfEveryMonthForDecades(@ForAll @IntRange(min = 1, max = 31) int beginDay,
                                                                      @ForAll @IntRange(min = 1, max = 31) int settleDay) {
        BillingCalendar calendar = BillingCalendar.of(List.of(
                new Plan(new Cycle.Monthly(beginDay, settleDay), LocalDate.of(2000, 1, 1), SettleRemind.OFF)));
        YearMonth first = YearMonth.of(2000, 2);

        List<Period> periods = calendar.periodsOverlapping(first.atDay(Math.min(beginDay, 29)), LocalDate.of(2049, 12, 1));

        for (int i = 0; i < periods.size(); i++) {
            YearMonth month = first.plusMonths(i);
            assertThat(periods.get(i).begin()).isEqualTo(month.atDay(Math.min(beginDay, month.lengthOfMonth())));
            YearMonth settleMonth = YearMonth.from(periods.get(i).settle());
            assertThat(periods.get(i).settle().getDayOfMonth()).isEqualTo(Math.min(settleDay, settleMonth.lengthOfMonth()));
        }
    }

    private static String answer(BillingCalendar calendar, LocalDate date) {
        return calendar.periodContaining(date) + "|" + calendar.pendingAt(date) + "|" + calendar.deadline(date);
    }
}
