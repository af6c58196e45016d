package io.settlekit;

/**
 * Bad input: a missing field, a value out of range, an unknown fee type. Thrown before anything is
 * written. The message names the field and the offending value.
 */
public class ValidationException extends SettlekitException {
    private static final long serialVersionUID = 1L;

    private final String value;

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
    }

    /** The offending value as the caller gave it ({@code null} when it was missing). */
    public String value() {
        return value;
    }

    /** A missing or blank required field. */
    public static ValidationException missing(String field) {
        return new ValidationException(ErrorCode.MISSING_FIELD, field, null, "is required");
    }

    /** A present but invalid value. */
    public static ValidationException invalid(String field, Object value, String reason) {
        return new ValidationException(ErrorCode.INVALID_VALUE, field, String.valueOf(value), reason);
    }

    private static String describe(String field, String value, String message) {
        return value == null
                ? field + ": " + message
                : field + " = '" + value + "': " + message;
    }
}
