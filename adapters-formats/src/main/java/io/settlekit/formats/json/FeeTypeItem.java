package io.settlekit.formats.json;

import io.settlekit.internal.Checks;
import io.settlekit.money.FeeType;
import io.settlekit.money.FeeTypeCodes;

/**
 * An item of the {@code /fee/type/list} response: {@code {"symbol": "¥", "type": "CNY", "name": "人民币"}}.
 *
 * @param symbol the currency symbol
 * @param type   the fee type code
 * @param name   the display name
 */
public record FeeTypeItem(String symbol, String type, String name) {
    /** Validates like {@link FeeType} does. */
    public FeeTypeItem {
        symbol = Checks.notBlank("symbol", symbol);
        type = FeeTypeCodes.check("type", type);
        name = Checks.notBlank("name", name);
    }

    /** The list item of a catalog entry. */
    public static FeeTypeItem of(FeeType feeType) {
        return new FeeTypeItem(feeType.symbol(), feeType.code(), feeType.name());
    }
}
