package io.settlekit.currency;

import io.settlekit.internal.Checks;
import io.settlekit.money.FeeTypeCodes;

/**
 * A sale menu (报价单, quote) as far as the currency rules care: its id and fee type.
 *
 * @param id      the host's sale menu id
 * @param feeType its fee type code
 */
public record SaleMenuRef(String id, String feeType) {
    /** Validates both fields. */
    public SaleMenuRef {
        id = Checks.notBlank("sale_menu.id", id);
        feeType = FeeTypeCodes.check("sale_menu.fee_type", feeType);
    }
}
