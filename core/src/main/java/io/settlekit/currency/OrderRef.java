package io.settlekit.currency;

import io.settlekit.internal.Checks;
import io.settlekit.money.FeeTypeCodes;

/**
 * An existing order as far as the currency rules care.
 *
 * @param id      the host's order id
 * @param feeType the order's fee type code
 */
public record OrderRef(String id, String feeType) {
    /** Validates both fields. */
    public OrderRef {
        id = Checks.notBlank("order.id", id);
        feeType = FeeTypeCodes.check("order.fee_type", feeType);
    }
}
