package io.settlekit.billing;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;

import java.time.LocalDate;

/**
 * An inclusive range of dates.
 *
 * @param begin the first date
 * @param end   the last date, not before {@code begin}
 */
public record DateRange(LocalDate begin, LocalDate end) {
    /** Validates the order of the bounds. */
    public DateRange {
        Checks.present("begin", begin);
        Checks.present("end", end);
        if (end.isBefore(begin)) {
            throw ValidationException.invalid("end", end, "must not be before begin " + begin);
        }
    }

    /** Whether {@code date} lies in the range. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(begin) && !date.isAfter(end);
    }
}
