package io.settlekit.billing;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The periods of a merchant's plan history (rules R5.6 and R6.1–R6.5 of docs/rules.md), answering for any date: the period
 * containing it, its settle date, the pending period, an order's deadline and a period's reminder date.
 *
 * <p>Each period is the governing plan's regular period, computed from the calendar or the plan's anchor
 * (never by stepping), clipped to the plan's governing range: a change in mid-period gives a short
 * trailing period under the old plan and a short leading one under the new plan, and the settle rule
 * applies to the clipped end. Stateless and immutable, so answers never depend on the order of questions.
 *
 * <p>Thread-safe: immutable (a final, never-changed plan history).
 */
public final class BillingCalendar {
    /** The longest range {@link #periodsOverlapping(LocalDate, LocalDate)} accepts, in days (about a century). */
    public static final int MAX_RANGE_DAYS = 36_600;

    private final PlanHistory history;

    /** The calendar of {@code history}. */
    public BillingCalendar(PlanHistory history) {
        this.history = Objects.requireNonNull(history, "history");
    }

    /** The calendar of plans given in save order. */
    public static BillingCalendar of(List<Plan> plansInSaveOrder) {
        return new BillingCalendar(PlanHistory.of(plansInSaveOrder));
    }

    /** The plan history. */
    public PlanHistory history() {
        return history;
    }

    /**
     * The period containing {@code date}.
     *
     * @throws ValidationException naming {@code date} when it is missing or a date outside
     *         1900-01-01..2999-12-31
     */
    public Period periodContaining(LocalDate date) {
        BillingDates.check("date", date);
        return periodAt(date);
    }

    /**
     * The settle date of the period containing the order's date: the order's deadline ({@code settle_time}).
     *
     * @throws ValidationException naming {@code order_date} when it is missing or a date outside
     *         1900-01-01..2999-12-31
     */
    public LocalDate deadline(LocalDate orderDate) {
        BillingDates.check("order_date", orderDate);
        return periodAt(orderDate).settle();
    }

    /**
     * The pending period at {@code date}: the earliest period that has begun on or before it and whose
     * settle date is on or after it (the one being billed).
     *
     * @throws ValidationException naming {@code date} when it is missing or a date outside
     *         1900-01-01..2999-12-31
     */
    public Period pendingAt(LocalDate date) {
        BillingDates.check("date", date);
        // a period whose settle date is >= date ends at most maxSettleLag days before it
        Period period = periodAt(date.minusDays(history.maxSettleLag()));
        while (period.settle().isBefore(date)) {
            period = periodAt(period.end().plusDays(1));
        }
        return period;
    }

    /**
     * The reminder date of the pending period at {@code date}, when its plan has reminders on.
     *
     * @throws ValidationException naming {@code date} when it is missing or a date outside
     *         1900-01-01..2999-12-31
     */
    public Optional<LocalDate> reminderDateAt(LocalDate date) {
        return pendingAt(date).reminderDate();
    }

    /**
     * Every period overlapping {@code [from, to]}, in date order.
     *
     * @throws ValidationException naming {@code from} or {@code to} when missing, a date outside
     *         1900-01-01..2999-12-31, reversed, or 36,600 days apart or more
     */
    public List<Period> periodsOverlapping(LocalDate from, LocalDate to) {
        BillingDates.check("from", from);
        BillingDates.check("to", to);
        if (to.isBefore(from)) {
            throw ValidationException.invalid("to", to, "must not be before from " + from);
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
            throw ValidationException.invalid("to", to, "the range from " + from + " must be shorter than " + MAX_RANGE_DAYS + " days");
        }
        List<Period> periods = new ArrayList<>();
        Period period = periodAt(from);
        periods.add(period);
        while (period.end().isBefore(to)) {
            period = periodAt(period.end().plusDays(1));
            periods.add(period);
        }
        return periods;
    }

    /** The plan governing {@code date}. */
    public Plan planAt(LocalDate date) {
        return history.planAt(Checks.present("date", date));
    }

    private Period periodAt(LocalDate date) {
        int index = history.indexAt(date);
        Plan plan = history.plan(index);
        DateRange regular = plan.cycle().regularPeriod(date, plan.effectiveDate());
        LocalDate begin = regular.begin();
        if (index > 0 && begin.isBefore(plan.effectiveDate())) {
            begin = plan.effectiveDate();
        }
        LocalDate end = regular.end();
        if (index + 1 < history.size()) {
            LocalDate lastGoverned = history.effective(index + 1).minusDays(1);
            if (end.isAfter(lastGoverned)) {
                end = lastGoverned;
            }
        }
        return new Period(begin, end, plan.cycle().settleDate(end), plan);
    }

    @Override
    public String toString() {
        return "BillingCalendar" + history.plans();
    }
}
