package io.settlekit.billing;

import io.settlekit.internal.Checks;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * How a plan cuts time into periods and when each period is settled (rules R5.2–R5.5 of docs/rules.md). Every period is
 * computed directly from the calendar or from the plan's anchor date, never by stepping from the
 * previous period, so month-end clamping cannot drift.
 */
public sealed interface Cycle permits Cycle.Daily, Cycle.Weekly, Cycle.Monthly, Cycle.Custom {

    /** The wire code of the cycle ({@code pay_method}): 1 daily, 2 weekly, 3 monthly, 4 custom. */
    int payMethod();

    /**
     * The regular (unclipped) period containing {@code date}.
     *
     * @param anchor the governing plan's effective date; only {@link Custom} periods are anchored on it
     */
    DateRange regularPeriod(LocalDate date, LocalDate anchor);

    /** The settle date of a period ending on {@code periodEnd}; never before it. */
    LocalDate settleDate(LocalDate periodEnd);

    /** An upper bound, in days, of {@code settleDate(end) - end}. */
    int maxSettleLag();

    /** Each date is its own period, settled the next day. Wire code 1. */
    record Daily() implements Cycle {
        @Override
        public int payMethod() {
            return 1;
        }

        @Override
        public DateRange regularPeriod(LocalDate date, LocalDate anchor) {
            return new DateRange(date, date);
        }

        @Override
        public LocalDate settleDate(LocalDate periodEnd) {
            return periodEnd.plusDays(1);
        }

        @Override
        public int maxSettleLag() {
            return 1;
        }
    }

    /**
     * Seven-day periods starting on the {@code beginDay} weekday, settled on the first {@code settleDay}
     * weekday strictly after the period end. Wire code 2.
     *
     * @param beginDay  1 = Monday … 7 = Sunday
     * @param settleDay 1 = Monday … 7 = Sunday
     */
    record Weekly(int beginDay, int settleDay) implements Cycle {
        /** Validates both weekdays. */
        public Weekly {
            Checks.inRange("begin_day", beginDay, 1, 7);
            Checks.inRange("settle_day", settleDay, 1, 7);
        }

        @Override
        public int payMethod() {
            return 2;
        }

        @Override
        public DateRange regularPeriod(LocalDate date, LocalDate anchor) {
            LocalDate start = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.of(beginDay)));
            return new DateRange(start, start.plusDays(6));
        }

        @Override
        public LocalDate settleDate(LocalDate periodEnd) {
            return periodEnd.with(TemporalAdjusters.next(DayOfWeek.of(settleDay)));
        }

        @Override
        public int maxSettleLag() {
            return 7;
        }
    }

    /**
     * Periods starting on day {@code beginDay} of each month (clamped to the month's last day) and ending
     * the day before the next start; settled on the first date strictly after the period end whose day is
     * {@code settleDay}, clamped the same way. Wire code 3.
     *
     * @param beginDay  1–31
     * @param settleDay 1–31
     */
    record Monthly(int beginDay, int settleDay) implements Cycle {
        /** Validates both days. */
        public Monthly {
            Checks.inRange("begin_day", beginDay, 1, 31);
            Checks.inRange("settle_day", settleDay, 1, 31);
        }

        @Override
        public int payMethod() {
            return 3;
        }

        @Override
        public DateRange regularPeriod(LocalDate date, LocalDate anchor) {
            YearMonth month = YearMonth.from(date);
            LocalDate startThisMonth = clamp(month, beginDay);
            YearMonth startMonth = date.isBefore(startThisMonth) ? month.minusMonths(1) : month;
            return new DateRange(clamp(startMonth, beginDay), clamp(startMonth.plusMonths(1), beginDay).minusDays(1));
        }

        @Override
        public LocalDate settleDate(LocalDate periodEnd) {
            YearMonth month = YearMonth.from(periodEnd);
            LocalDate sameMonth = clamp(month, settleDay);
            return sameMonth.isAfter(periodEnd) ? sameMonth : clamp(month.plusMonths(1), settleDay);
        }

        @Override
        public int maxSettleLag() {
            return 31;
        }

        /** Day {@code day} of {@code month}, or its last day when the month is shorter. */
        private static LocalDate clamp(YearMonth month, int day) {
            return month.atDay(Math.min(day, month.lengthOfMonth()));
        }
    }

    /**
     * Periods of {@code cycleLength} days anchored at the plan's effective date, settled
     * {@code delayDays} after the period end. Wire code 4.
     *
     * @param cycleLength 1–365 days
     * @param delayDays   0–365 days
     */
    record Custom(int cycleLength, int delayDays) implements Cycle {
        /** Validates both lengths. */
        public Custom {
            Checks.inRange("cycle_length", cycleLength, 1, 365);
            Checks.inRange("delay_day", delayDays, 0, 365);
        }

        @Override
        public int payMethod() {
            return 4;
        }

        @Override
        public DateRange regularPeriod(LocalDate date, LocalDate anchor) {
            long index = Math.floorDiv(ChronoUnit.DAYS.between(anchor, date), (long) cycleLength);
            LocalDate start = anchor.plusDays(index * cycleLength);
            return new DateRange(start, start.plusDays(cycleLength - 1L));
        }

        @Override
        public LocalDate settleDate(LocalDate periodEnd) {
            return periodEnd.plusDays(delayDays);
        }

        @Override
        public int maxSettleLag() {
            return delayDays;
        }
    }
}
