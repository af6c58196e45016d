package io.settlekit.refresh;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One calendar day of the deployment zone as the counters see it: the instants from {@code start}
 * (inclusive) to {@code end} (exclusive). The bounds are computed by the caller with the zone's rules, so
 * a backend needs no time zone data: a 23-hour or 25-hour day (DST) or a day that starts at 01:00 (a
 * zone whose clocks skip midnight) is just another pair of instants.
 *
 * @param date  the calendar day
 * @param start its first instant
 * @param end   the first instant of the next day
 */
public record CountingDay(LocalDate date, Instant start, Instant end) {

    /** Validates that the day is not empty. */
    public CountingDay {
        Checks.present("date", date);
        Checks.present("start", start);
        Checks.present("end", end);
        if (!start.isBefore(end)) {
            throw ValidationException.invalid("end", end, "must be after the day's start " + start);
        }
    }

    /** {@code date} in {@code zone}, by the zone's rules. */
    public static CountingDay of(LocalDate date, ZoneId zone) {
        return new CountingDay(date, date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** Whether {@code instant} lies in this day. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }
}
