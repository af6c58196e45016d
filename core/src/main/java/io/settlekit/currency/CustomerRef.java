package io.settlekit.currency;

import io.settlekit.internal.Checks;
import io.settlekit.money.FeeTypeCodes;

/**
 * A customer (merchant account, KID) as far as the currency rules care.
 *
 * @param id      the host's customer id
 * @param feeType its fee type code
 */
public record CustomerRef(String id, String feeType) {
    /** Validates both fields. */
    public CustomerRef {
        id = Checks.notBlank("customer.id", id);
        feeType = FeeTypeCodes.check("customer.fee_type", feeType);
    }
}
