package io.settlekit.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.SettlekitException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The calendar rules (R5 and R6.1–R6.5 of docs/rules.md) on worked examples. */
class BillingCalendarTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static Plan plan(Cycle cycle, String effective) {
        return new Plan(cycle, d(effective), SettleRemind.OFF);
    }

    private static Plan plan(Cycle cycle, String effective, int remindDays) {
        return new Plan(cycle, d(effective), SettleRemind.daysBefore(remindDays));
    }

    private static String show(Period p) {
        return p.begin() + ".." + p.end() + " settle " + p.settle();
    }

    @Test
    void monthlyBeginFifthSettleTenthIsTheDomainsExample() {
        BillingCalendar calendar = BillingCalendar.of(List.of(plan(new Cycle.Monthly(5, 10), "2017-01-01")));

        assertThat(show(calendar.periodContaining(d("2017-09-28")))).isEqualTo("2017-09-05..2017-10-04 settle 2017-10-10");
        assertThat(show(calendar.periodContaining(d("2017-10-04")))).isEqualTo("2017-09-05..2017-10-04 settle 2017-10-10");
        assertThat(show(calendar.periodContaining(d("2017-10-05")))).isEqualTo("2017-10-05..2017-11-04 settle 2017-11-10");
        assertThat(calendar.deadline(d("2017-09-05"))).isEqualTo(d("2017-10-10"));
    }

    @ParameterizedTest(name = "monthly begin {0} settle {1}: {2} is in {3}")
    @CsvSource({
            "1, 1, 2017-09-15, 2017-09-01..2017-09-30 settle 2017-10-01",
            "1, 31, 2017-09-15, 2017-09-01..2017-09-30 settle 2017-10-31",
            "31, 31, 2017-03-15, 2017-02-28..2017-03-30 settle 2017-03-31",
            "31, 31, 2017-03-31, 2017-03-31..2017-04-29 settle 2017-04-30",
            "31, 30, 2016-02-29, 2016-02-29..2016-03-30 settle 2016-04-30",
            "30, 29, 2017-02-28, 2017-02-28..2017-03-29 settle 2017-04-29",
            "15, 5, 2017-12-20, 2017-12-15..2018-01-14 settle 2018-02-05",
            "15, 20, 2017-12-20, 2017-12-15..2018-01-14 settle 2018-01-20",
    })
    void monthlyPeriodsClampToTheMonthAndSettleStrictlyAfterTheEnd(int begin, int settle, String date, String expected) {
        BillingCalendar calendar = BillingCalendar.of(List.of(plan(new Cycle.Monthly(begin, settle), "2010-01-01")));

        assertThat(show(calendar.periodContaining(d(date)))).isEqualTo(expected);
    }

    @Test
    void aMonthlyPlanBeginningOnThe31stNeverDriftsOverDecades() {
        BillingCalendar calendar = BillingCalendar.of(List.of(plan(new Cycle.Monthly(31, 31), "2000-01-31")));

        List<Period> periods = calendar.periodsOverlapping(d("2000-01-31"), d("2059-12-31"));

        YearMonth month = YearMonth.of(2000, 1);
        for (Period period : periods) {
            assertThat(period.begin()).as("period %s", show(period)).isEqualTo(month.atEndOfMonth());
            assertThat(period.end()).isEqualTo(month.plusMonths(1).atEndOfMonth().minusDays(1));
            month = month.plusMonths(1);
        }
        assertThat(periods).hasSize(60 * 12);
        assertThat(calendar.periodContaining(d("2059-03-31")).begin()).isEqualTo(d("2059-03-31"));
        assertThat(calendar.periodContaining(d("2059-03-30")).begin()).isEqualTo(d("2059-02-28"));
    }

    @ParameterizedTest(name = "weekly begin {0} settle {1}: {2} is in {3}")
    @CsvSource({
            "7, 1, 2017-09-28, 2017-09-24..2017-09-30 settle 2017-10-02",
            "7, 1, 2017-09-24, 2017-09-24..2017-09-30 settle 2017-10-02",
            "1, 1, 2017-09-28, 2017-09-25..2017-10-01 settle 2017-10-02",
            "1, 7, 2017-09-28, 2017-09-25..2017-10-01 settle 2017-10-08",
            "4, 2, 2017-09-28, 2017-09-28..2017-10-04 settle 2017-10-10",
            "5, 5, 2017-09-28, 2017-09-22..2017-09-28 settle 2017-09-29",
    })
    void weeklyPeriodsStartOnTheirWeekdayAndSettleOnTheNextSettleWeekday(int begin, int settle, String date, String expected) {
        BillingCalendar calendar = BillingCalendar.of(List.of(plan(new Cycle.Weekly(begin, settle), "2017-01-01")));

        assertThat(show(calendar.periodContaining(d(date)))).isEqualTo(expected);
    }

    @Test
    void dailyPeriodsAreSettledTheNextDay() {
        BillingCalendar calendar = BillingCalendar.of(List.of(plan(new Cycle.Daily(), "2017-01-01")));

        assertThat(show(calendar.periodContaining(d("2017-12-31")))).isEqualTo("2017-12-31..2017-12-31 settle 2018-01-01");
    }

    @Test
    void customPeriodsAreAnchoredAtTheEffectiveDateInBothDirections() {
        BillingCalendar calendar = BillingCalendar.of(List.of(plan(new Cycle.Custom(13, 5), "2017-06-01")));

        assertThat(show(calendar.periodContaining(d("2017-06-01")))).isEqualTo("2017-06-01..2017-06-13 settle 2017-06-18");
        assertThat(show(calendar.periodContaining(d("2017-06-14")))).isEqualTo("2017-06-14..2017-06-26 settle 2017-07-01");
        assertThat(show(calendar.periodContaining(d("2018-06-01")))).isEqualTo("2018-05-31..2018-06-12 settle 2018-06-17");
        assertThat(show(calendar.periodContaining(d("2017-05-31")))).as("the earliest plan governs earlier dates")
                .isEqualTo("2017-05-19..2017-05-31 settle 2017-06-05");
        assertThat(BillingCalendar.of(List.of(plan(new Cycle.Custom(1, 0), "2017-06-01"))).periodContaining(d("2017-06-09")).settle())
                .as("no delay: settled on the period's last day").isEqualTo(d("2017-06-09"));
    }

    @Test
    void aChangeInMidPeriodGivesAShortTrailingAndAShortLeadingPeriod() {
        BillingCalendar calendar = BillingCalendar.of(List.of(
                plan(new Cycle.Monthly(1, 10), "2017-01-01"),
                plan(new Cycle.Weekly(1, 3), "2017-09-13")));

        assertThat(calendar.periodsOverlapping(d("2017-08-20"), d("2017-09-25"))).extracting(BillingCalendarTest::show)
                .containsExactly(
                        "2017-08-01..2017-08-31 settle 2017-09-10",
                        "2017-09-01..2017-09-12 settle 2017-10-10",
                        "2017-09-13..2017-09-17 settle 2017-09-20",
                        "2017-09-18..2017-09-24 settle 2017-09-27",
                        "2017-09-25..2017-10-01 settle 2017-10-04");
        assertThat(calendar.planAt(d("2017-09-12")).cycle()).isEqualTo(new Cycle.Monthly(1, 10));
        assertThat(calendar.planAt(d("2017-09-13")).cycle()).isEqualTo(new Cycle.Weekly(1, 3));
    }

    @Test
    void aCustomPlanAfterAChangeIsAnchoredAtItsOwnEffectiveDate() {
        BillingCalendar calendar = BillingCalendar.of(List.of(
                plan(new Cycle.Weekly(7, 1), "2017-01-01"),
                plan(new Cycle.Custom(10, 3), "2017-09-27")));

        assertThat(calendar.periodsOverlapping(d("2017-09-24"), d("2017-10-08"))).extracting(BillingCalendarTest::show)
                .containsExactly(
                        "2017-09-24..2017-09-26 settle 2017-10-02",
                        "2017-09-27..2017-10-06 settle 2017-10-09",
                        "2017-10-07..2017-10-16 settle 2017-10-19");
    }

    @Test
    void onEqualEffectiveDatesTheLaterSaveWins() {
        BillingCalendar calendar = BillingCalendar.of(List.of(
                plan(new Cycle.Daily(), "2017-09-01"),
                plan(new Cycle.Monthly(1, 5), "2017-09-01"),
                plan(new Cycle.Weekly(1, 1), "2017-08-01")));

        assertThat(calendar.history().plans()).extracting(Plan::cycle)
                .containsExactly(new Cycle.Weekly(1, 1), new Cycle.Monthly(1, 5));
        assertThat(show(calendar.periodContaining(d("2017-09-20")))).isEqualTo("2017-09-01..2017-09-30 settle 2017-10-05");
    }

    @Test
    void thePendingPeriodIsTheEarliestBegunPeriodNotYetSettled() {
        BillingCalendar calendar = BillingCalendar.of(List.of(plan(new Cycle.Monthly(5, 10), "2017-01-01")));

        assertThat(show(calendar.pendingAt(d("2017-10-04")))).isEqualTo("2017-09-05..2017-10-04 settle 2017-10-10");
        assertThat(show(calendar.pendingAt(d("2017-10-08")))).isEqualTo("2017-09-05..2017-10-04 settle 2017-10-10");
        assertThat(show(calendar.pendingAt(d("2017-10-10")))).as("still pending on its settle date")
                .isEqualTo("2017-09-05..2017-10-04 settle 2017-10-10");
        assertThat(show(calendar.pendingAt(d("2017-10-11")))).isEqualTo("2017-10-05..2017-11-04 settle 2017-11-10");
    }

    @Test
    void afterAPlanChangeTheOldPlansLastPeriodStaysPendingUntilItsSettleDate() {
        BillingCalendar calendar = BillingCalendar.of(List.of(
                plan(new Cycle.Monthly(1, 10), "2017-01-01"),
                plan(new Cycle.Daily(), "2017-09-15")));

        assertThat(show(calendar.pendingAt(d("2017-09-20")))).isEqualTo("2017-09-01..2017-09-14 settle 2017-10-10");
        assertThat(show(calendar.pendingAt(d("2017-10-10")))).isEqualTo("2017-09-01..2017-09-14 settle 2017-10-10");
        assertThat(show(calendar.pendingAt(d("2017-10-11")))).isEqualTo("2017-10-10..2017-10-10 settle 2017-10-11");
    }

    @Test
    void theReminderDateIsTheSettleDateMinusTheReminderDays() {
        BillingCalendar calendar = BillingCalendar.of(List.of(plan(new Cycle.Monthly(5, 10), "2017-01-01", 2)));

        assertThat(calendar.pendingAt(d("2017-09-28")).reminderDate()).contains(d("2017-10-08"));
        assertThat(calendar.reminderDateAt(d("2017-10-09"))).contains(d("2017-10-08"));
        assertThat(BillingCalendar.of(List.of(plan(new Cycle.Monthly(5, 10), "2017-01-01"))).reminderDateAt(d("2017-09-28")))
                .as("reminders off").isEmpty();
    }

    @Test
    void badInputNamesTheField() {
        BillingCalendar calendar = BillingCalendar.of(List.of(plan(new Cycle.Daily(), "2017-01-01")));

        assertThatThrownBy(() -> calendar.periodsOverlapping(d("2017-02-01"), d("2017-01-01")))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.field()).contains("to"));
        assertThatThrownBy(() -> calendar.periodsOverlapping(d("1900-01-01"), d("2999-12-31")))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.field()).contains("to"));
        assertThatThrownBy(() -> calendar.pendingAt(d("3000-01-01")))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.field()).contains("date"));
        assertThatThrownBy(() -> calendar.deadline(null))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.code()).isEqualTo("missing_field"));
        assertThatThrownBy(() -> BillingCalendar.of(List.of()))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.field()).contains("plans"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "weekly begin 0, begin_day",
            "weekly settle 8, settle_day",
            "monthly begin 32, begin_day",
            "monthly settle 0, settle_day",
            "custom length 0, cycle_length",
            "custom length 366, cycle_length",
            "custom delay -1, delay_day",
            "custom delay 366, delay_day",
            "remind 8, settle_remind",
            "remind 0 from the wire, settle_remind",
    })
    void outOfRangeCycleValuesNameTheirField(String what, String field) {
        assertThatThrownBy(() -> {
            switch (what) {
                case "weekly begin 0" -> new Cycle.Weekly(0, 1);
                case "weekly settle 8" -> new Cycle.Weekly(1, 8);
                case "monthly begin 32" -> new Cycle.Monthly(32, 1);
                case "monthly settle 0" -> new Cycle.Monthly(1, 0);
                case "custom length 0" -> new Cycle.Custom(0, 1);
                case "custom length 366" -> new Cycle.Custom(366, 1);
                case "custom delay -1" -> new Cycle.Custom(3, -1);
                case "custom delay 366" -> new Cycle.Custom(3, 366);
                case "remind 8" -> SettleRemind.daysBefore(8);
                default -> SettleRemind.ofWire(0);
            }
        }).isInstanceOfSatisfying(SettlekitException.class, e -> {
            assertThat(e.code()).isEqualTo("invalid_value");
            assertThat(e.field()).contains(field);
        });
    }
}
