package io.settlekit.billing;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One settlement period of a merchant: its dates (clipped at plan changes), its settle date and the plan
 * that governs it.
 *
 * @param begin  the first date of the period
 * @param end    the last date, not before {@code begin}
 * @param settle the settle date (the deadline of the period's orders), not before {@code end}
 * @param plan   the governing plan
 */
public record Period(LocalDate begin, LocalDate end, LocalDate settle, Plan plan) {
    /** Validates the order of the dates. */
    public Period {
        Checks.present("begin", begin);
        Checks.present("end", end);
        Checks.present("settle", settle);
        Checks.present("plan", plan);
        if (end.isBefore(begin)) {
            throw ValidationException.invalid("end", end, "must not be before begin " + begin);
        }
        if (settle.isBefore(end)) {
            throw ValidationException.invalid("settle", settle, "must not be before end " + end);
        }
    }

    /** Whether {@code date} lies in the period. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(begin) && !date.isAfter(end);
    }

    /** The period's dates. */
    public DateRange range() {
        return new DateRange(begin, end);
    }

    /** The reminder date (settle date minus the plan's reminder days), when the plan has reminders on. */
    public Optional<LocalDate> reminderDate() {
        return plan.remind().isOn() ? Optional.of(settle.minusDays(plan.remind().days())) : Optional.empty();
    }
}
