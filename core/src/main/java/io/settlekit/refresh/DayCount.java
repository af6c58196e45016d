package io.settlekit.refresh;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;

/**
 * What {@link DailyCounters#take} answered: the day the backend counted on and the day's count.
 *
 * @param day   the day, among those offered, that contains the backend's now
 * @param count the counter of that day after the call: the units taken that day (and not given back)
 * @param taken whether this call took a unit (the count was below the maximum)
 */
public record DayCount(CountingDay day, long count, boolean taken) {

    /** Validates the fields. */
    public DayCount {
        Checks.present("day", day);
        if (count < 0 || taken && count == 0) {
            throw ValidationException.invalid("count", count, taken ? "must be at least 1 when a unit was taken" : "must not be negative");
        }
    }
}
