package io.settlekit.base;

/**
 * The stable, machine-readable codes of {@link SettlekitException}s.
 *
 * <p>Codes are part of the public contract: hosts map them to their own response codes and the
 * {@code rules} runner prints them. A code is never renamed; new ones may be added.
 */
public enum ErrorCode {
    /** A required field is absent or blank. */
    MISSING_FIELD("missing_field"),
    /** A field has a value outside its allowed range or shape. */
    INVALID_VALUE("invalid_value"),
    /** A fee type (currency) code is not in the catalog. */
    UNKNOWN_FEE_TYPE("unknown_fee_type"),
    /** The two currencies of a rate are the same. */
    SAME_CURRENCY("same_currency"),
    /** Two amounts or records that must share a currency do not. */
    CURRENCY_MISMATCH("currency_mismatch"),
    /** No exchange rate (direct or inverse) exists for a station and pair. */
    RATE_NOT_FOUND("rate_not_found"),
    /** A requested record does not exist. */
    NOT_FOUND("not_found"),
    /** The actor lacks the permission the use case requires. */
    PERMISSION_DENIED("permission_denied"),
    /** An arithmetic result does not fit the representation (e.g. a sum overflowing {@code long} fen). */
    ARITHMETIC_OVERFLOW("arithmetic_overflow"),
    /** A malformed document or file (a settlement file, a wire payload). */
    MALFORMED_INPUT("malformed_input"),
    /** A database, cache, object store or provider failed; the cause is kept. */
    INFRASTRUCTURE("infrastructure"),
    /** An external provider (an SMS gateway, a webhook) answered with an error of its own; its code and request id are kept. */
    PROVIDER_ERROR("provider_error");

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    /** The wire form of the code, lower snake case. */
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }
}
