package io.settlekit.benchmarks.calendar;

import io.settlekit.billing.Cycle;
import io.settlekit.billing.Plan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * The peer: the calendar a user might write first, stepping period by period from the governing plan's
 * effective date with {@code plusMonths}/{@code plusWeeks}/{@code plusDays}. Its cost grows with the
 * distance from the anchor (and its monthly periods drift after a short month: Jan 31 → Feb 28 → Mar 28).
 */
final class NaiveCalendar {
    private final List<Plan> plans;

    /** A naive calendar over {@code plans}, ordered by effective date. */
    NaiveCalendar(List<Plan> plans) {
        this.plans = plans;
    }

    /** The period start and settle date of the period containing {@code date}, packed as two epoch days. */
    long periodStartAndSettle(LocalDate date) {
        Plan plan = plans.get(0);
        for (Plan candidate : plans) {
            if (!candidate.effectiveDate().isAfter(date)) {
                plan = candidate;
            }
        }
        Cycle cycle = plan.cycle();
        LocalDate anchor = plan.effectiveDate();
        LocalDate start;
        LocalDate next;
        LocalDate settle;
        if (cycle instanceof Cycle.Monthly monthly) {
            start = anchor.withDayOfMonth(Math.min(monthly.beginDay(), anchor.lengthOfMonth()));
            while (start.isAfter(date)) {
                start = start.minusMonths(1);
            }
            next = start.plusMonths(1);
            while (!next.isAfter(date)) {
                start = next;
                next = start.plusMonths(1);
            }
            LocalDate end = next.minusDays(1);
            settle = end.plusDays(1);
            while (settle.getDayOfMonth() != Math.min(monthly.settleDay(), settle.lengthOfMonth())) {
                settle = settle.plusDays(1);
            }
        } else if (cycle instanceof Cycle.Weekly weekly) {
            start = anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.of(weekly.beginDay())));
            while (start.isAfter(date)) {
                start = start.minusWeeks(1);
            }
            while (!start.plusWeeks(1).isAfter(date)) {
                start = start.plusWeeks(1);
            }
            settle = start.plusDays(6).with(TemporalAdjusters.next(DayOfWeek.of(weekly.settleDay())));
        } else if (cycle instanceof Cycle.Custom custom) {
            start = anchor;
            while (start.isAfter(date)) {
                start = start.minusDays(custom.cycleLength());
            }
            while (!start.plusDays(custom.cycleLength()).isAfter(date)) {
                start = start.plusDays(custom.cycleLength());
            }
            settle = start.plusDays(custom.cycleLength() - 1L + custom.delayDays());
        } else {
            start = date;
            settle = date.plusDays(1);
        }
        return start.toEpochDay() << 32 | (settle.toEpochDay() & 0xFFFFFFFFL);
    }
}
