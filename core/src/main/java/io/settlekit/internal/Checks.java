package io.settlekit.internal;

import io.settlekit.base.ValidationException;
import java.time.Duration;
import java.util.Optional;

/**
 * Argument checks shared by the compact constructors of the SDK's records. Each throws a
 * {@link ValidationException} naming the field and the value.
 *
 * <p>Thread-safe: static checks of their arguments, no state.
 */
public final class Checks {
    private Checks() {
    }

    /** Returns {@code value} stripped of surrounding white space, or throws when it is null or blank. */
    public static String notBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ValidationException.missing(field);
        }
        return value.strip();
    }

    /** Returns {@code value}, or throws when it is null. */
    public static <T> T present(String field, T value) {
        if (value == null) {
            throw ValidationException.missing(field);
        }
        return value;
    }

    /** Returns the optional's value, or throws {@code missing} when it is empty. */
    public static <T> T required(String field, Optional<T> value) {
        return value.orElseThrow(() -> ValidationException.missing(field));
    }

    /** Returns {@code value} when {@code min <= value <= max}, else throws. */
    public static int inRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw ValidationException.invalid(field, value, "must be between " + min + " and " + max);
        }
        return value;
    }

    /** Returns {@code value} when it is at most {@code max} characters long, else throws. */
    public static String maxLength(String field, String value, int max) {
        if (value.length() > max) {
            throw ValidationException.invalid(field, value, "must be at most " + max + " characters");
        }
        return value;
    }

    /**
     * {@link #maxLength} for a sensitive field (a phone number): the error names the field and the length,
     * never the value.
     */
    public static String maxLengthHidden(String field, String value, int max) {
        if (value.length() > max) {
            throw ValidationException.invalidHidden(field, "must be at most " + max + " characters (has " + value.length() + ")");
        }
        return value;
    }

    /** Returns {@code value} when it is present and longer than zero, else throws. */
    public static Duration positive(String field, Duration value) {
        if (present(field, value).isNegative() || value.isZero()) {
            throw ValidationException.invalid(field, value, "must be positive");
        }
        return value;
    }

    /** Returns {@code value} when it is present and not negative, else throws. */
    public static Duration notNegative(String field, Duration value) {
        if (present(field, value).isNegative()) {
            throw ValidationException.invalid(field, value, "must not be negative");
        }
        return value;
    }

    /** Returns {@code value} when it is not negative, else throws. */
    public static long notNegative(String field, long value) {
        if (value < 0) {
            throw ValidationException.invalid(field, value, "must not be negative");
        }
        return value;
    }
}
