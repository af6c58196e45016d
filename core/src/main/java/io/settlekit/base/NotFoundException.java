package io.settlekit.base;

/** A requested record (e.g. an exchange rate for a station and pair) does not exist. */
public class NotFoundException extends SettlekitException {
    private static final long serialVersionUID = 1L;

    /**
     * @param code    {@link ErrorCode#NOT_FOUND} or a more specific not-found code such as
     *                {@link ErrorCode#RATE_NOT_FOUND}
     * @param field   the field whose value found nothing
     * @param message a message naming what was looked up
     */
    public NotFoundException(ErrorCode code, String field, String message) {
        super(code, field, message, null);
    }
}
