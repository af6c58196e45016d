package io.settlekit.billing;

import io.settlekit.internal.Checks;

import java.util.OptionalInt;

/**
 * A plan's reminder setting ({@code settle_remind}): off, or on {@code days} (1–7) before the settle
 * date.
 *
 * @param days 1–7 days before the settle date, or 0 when reminders are off
 */
public record SettleRemind(int days) {
    /** Reminders off (wire value -1). */
    public static final SettleRemind OFF = new SettleRemind(0);

    /** Validates the day count. */
    public SettleRemind {
        if (days != 0) {
            Checks.inRange("settle_remind", days, 1, 7);
        }
    }

    /** A reminder {@code days} (1–7) before the settle date. */
    public static SettleRemind daysBefore(int days) {
        return new SettleRemind(Checks.inRange("settle_remind", days, 1, 7));
    }

    /** Reads the wire value: -1 is off, 1–7 days before; anything else is rejected. */
    public static SettleRemind ofWire(int value) {
        return value == -1 ? OFF : daysBefore(value);
    }

    /** Whether reminders are on. */
    public boolean isOn() {
        return days > 0;
    }

    /** The days before the settle date, when on. */
    public OptionalInt daysBeforeSettle() {
        return isOn() ? OptionalInt.of(days) : OptionalInt.empty();
    }

    /** The wire value: -1 when off, else the days. */
    public int wireValue() {
        return isOn() ? days : -1;
    }
}
