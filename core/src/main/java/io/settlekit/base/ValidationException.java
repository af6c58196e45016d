package io.settlekit.base;

import java.math.BigDecimal;

/**
 * Bad input: a missing field, a value out of range, an unknown fee type. Thrown before anything is
 * written. The message names the field and the offending value.
 */
public class ValidationException extends SettlekitException {
    private static final long serialVersionUID = 1L;

    /** Values longer than this (in code points) are cut in messages. */
    public static final int MESSAGE_VALUE_LIMIT = 100;
    private static final int PLAIN_SCALE_LIMIT = 64;

    private final String value;
    private final boolean hidden;

    /**
     * @param code    one of the validation codes ({@link ErrorCode#MISSING_FIELD}, {@link ErrorCode#INVALID_VALUE},
     *                {@link ErrorCode#UNKNOWN_FEE_TYPE}, {@link ErrorCode#SAME_CURRENCY}, …)
     * @param field   the offending field, e.g. {@code value} or {@code lines[2]}
     * @param value   the offending value as text (may be {@code null} when missing)
     * @param message what is wrong, without repeating field and value (they are added)
     */
    public ValidationException(ErrorCode code, String field, String value, String message) {
        super(code, field, describe(field, value, message), null);
        this.value = value;
        this.hidden = false;
    }

    private ValidationException(String field, String message) {
        super(ErrorCode.INVALID_VALUE, field, field + " (value not shown): " + message, null);
        this.value = null;
        this.hidden = true;
    }

    /**
     * The offending value as the caller gave it ({@code null} when it was missing, or when the field is
     * sensitive: see {@link #isHidden()}).
     */
    public String value() {
        return value;
    }

    /** Whether the value was left out on purpose because the field is sensitive (a phone number, a secret). */
    public boolean isHidden() {
        return hidden;
    }

    /** A missing or blank required field. */
    public static ValidationException missing(String field) {
        return new ValidationException(ErrorCode.MISSING_FIELD, field, null, "is required");
    }

    /** A present but invalid value. */
    public static ValidationException invalid(String field, Object value, String reason) {
        return new ValidationException(ErrorCode.INVALID_VALUE, field, String.valueOf(value), reason);
    }

    /**
     * A present but invalid value of a sensitive field (a phone number, a credential): the message and
     * {@link #value()} never carry the value, only the field and what is wrong, so that logging the error
     * cannot leak it.
     */
    public static ValidationException invalidHidden(String field, String reason) {
        return new ValidationException(field, reason);
    }

    /**
     * A present but invalid decimal, shown in plain digits when that is short and in scientific notation
     * otherwise: {@code 1e-999999999} must not become a billion-character message.
     */
    public static ValidationException invalid(String field, BigDecimal value, String reason) {
        return new ValidationException(ErrorCode.INVALID_VALUE, field, shown(value), reason);
    }

    /** {@code value} as text no longer than its digits: plain when the exponent is small, else scientific. */
    public static String shown(BigDecimal value) {
        if (value == null) {
            return "null";
        }
        return Math.abs((long) value.scale()) <= PLAIN_SCALE_LIMIT ? value.toPlainString() : value.toString();
    }

    private static String describe(String field, String value, String message) {
        return value == null
                ? field + ": " + message
                : field + " = '" + excerpt(value) + "': " + message;
    }

    /**
     * {@code text} cut to its first {@value #MESSAGE_VALUE_LIMIT} code points, saying how long it was: a
     * hostile megabyte-long value is kept whole in {@link #value()} but never copied into messages and logs.
     */
    public static String excerpt(String text) {
        if (text.length() <= MESSAGE_VALUE_LIMIT) {
            return text;
        }
        int end = text.offsetByCodePoints(0, Math.min(MESSAGE_VALUE_LIMIT, text.codePointCount(0, text.length())));
        return end >= text.length() ? text : text.substring(0, end) + "…(" + text.length() + " characters)";
    }
}
