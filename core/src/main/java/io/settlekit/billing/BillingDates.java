package io.settlekit.billing;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;

import java.time.LocalDate;

/**
 * The dates the settlement calendar accepts: 1900-01-01 to 2999-12-31. The bounds keep every derived
 * date (a settle date up to a year after a period end, a period start a month before a date) far from
 * {@link LocalDate#MIN}/{@link LocalDate#MAX}, so no computation can overflow.
 *
 * <p>Thread-safe: static functions of their arguments and constants only.
 */
public final class BillingDates {
    /** The earliest accepted date. */
    public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    /** The latest accepted date. */
    public static final LocalDate LAST = LocalDate.of(2999, 12, 31);

    private BillingDates() {
    }

    /** Returns {@code date} when it is present and within the accepted range, else throws naming {@code field}. */
    public static LocalDate check(String field, LocalDate date) {
        Checks.present(field, date);
        if (date.isBefore(FIRST) || date.isAfter(LAST)) {
            throw ValidationException.invalid(field, date, "must be between " + FIRST + " and " + LAST);
        }
        return date;
    }
}
