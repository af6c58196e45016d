package io.settlekit.currency;

import io.settlekit.internal.Checks;
import io.settlekit.money.FeeTypeCodes;

/**
 * An arrival voucher (到账凭证, strike balance) as far as the currency rules care.
 *
 * @param id      the host's voucher id
 * @param feeType the voucher's fee type code
 */
public record VoucherRef(String id, String feeType) {
    /** Validates both fields. */
    public VoucherRef {
        id = Checks.notBlank("voucher.id", id);
        feeType = FeeTypeCodes.check("voucher.fee_type", feeType);
    }
}
