package io.settlekit.money;

import io.settlekit.base.ValidationException;

import java.math.BigDecimal;

/**
 * Validation of exchange-rate values: the seed's {@code decimal(15,4)} column, strictly positive.
 * Values are normalised to scale 4 ({@code 0.92} becomes {@code 0.9200}).
 *
 * <p>Thread-safe: static functions of their arguments, no state.
 */
public final class RateValue {
    /** Decimal places a rate may have. */
    public static final int SCALE = 4;
    /** Integer digits a rate may have. */
    public static final int INTEGER_DIGITS = 11;

    private RateValue() {
    }

    /** Checks {@code value} and returns it at scale 4. */
    public static BigDecimal check(String field, BigDecimal value) {
        if (value == null) {
            throw ValidationException.missing(field);
        }
        if (value.signum() <= 0) {
            throw ValidationException.invalid(field, value, "must be greater than 0");
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > SCALE) {
            throw ValidationException.invalid(field, value, "must have at most " + SCALE + " decimal places");
        }
        if (stripped.precision() - stripped.scale() > INTEGER_DIGITS) {
            throw ValidationException.invalid(field, value, "must have at most " + INTEGER_DIGITS + " integer digits");
        }
        return stripped.setScale(SCALE);
    }

    /** Parses a decimal string (no exponent, no grouping) and checks it. */
    public static BigDecimal parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ValidationException.missing(field);
        }
        String trimmed = text.strip();
        if (!trimmed.matches("[+]?[0-9]{1,20}(\\.[0-9]{1,20})?")) {
            throw ValidationException.invalid(field, text, "must be a plain decimal number such as 0.9235");
        }
        return check(field, new BigDecimal(trimmed));
    }
}
