package io.settlekit.billing;

import io.settlekit.base.ErrorCode;
import io.settlekit.base.ValidationException;

/**
 * A merchant's rows in the host's ledger cannot be read (a value out of range, an unknown fee type): its
 * bill or unpaid list cannot be computed. The message names the merchant and the field; it never quotes
 * the value of a sensitive field (a phone number). Code {@link ErrorCode#INVALID_VALUE}, field
 * {@code merchant_id}.
 */
public final class UnreadableLedgerException extends ValidationException {
    private static final long serialVersionUID = 1L;

    private UnreadableLedgerException(String merchantId, String reason) {
        super(ErrorCode.INVALID_VALUE, "merchant_id", merchantId, "the merchant's ledger rows cannot be read: " + reason);
    }

    static UnreadableLedgerException of(String merchantId, String reason) {
        return new UnreadableLedgerException(merchantId, reason);
    }
}
