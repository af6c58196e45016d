package io.settlekit.base;

import java.util.Optional;

/**
 * Root of every error the SDK throws. Unchecked; carries a stable {@link #code()} and, when one input
 * field is at fault, that field's name.
 *
 * <p>Messages name the offending field and value but never secrets, credentials or phone numbers.
 * Expected outcomes (a denied refresh, a missing settlement file) are values, not exceptions.
 */
public class SettlekitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String field;

    /**
     * @param code  the stable error code
     * @param field the offending input field, or {@code null} when the error is not about one field
     * @param message a human-readable message naming the field and value
     * @param cause the underlying cause, or {@code null}
     */
    protected SettlekitException(ErrorCode code, String field, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.field = field;
    }

    /** The stable machine-readable code, e.g. {@code invalid_value}. */
    public String code() {
        return code.code();
    }

    /** The same code as an enum constant. */
    public ErrorCode errorCode() {
        return code;
    }

    /** The input field at fault, when the error concerns one field. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
