package io.settlekit.money;

import io.settlekit.internal.Checks;

/**
 * A currency as the host knows it (rule R1.1 of docs/rules.md): an ISO-4217-style code plus display texts.
 *
 * @param code   the code, three upper-case letters, e.g. {@code CNY}
 * @param unit   the unit word, e.g. 元
 * @param name   the display name, e.g. 人民币
 * @param symbol the symbol, e.g. ¥
 */
public record FeeType(String code, String unit, String name, String symbol) {

    /** Renminbi, the default fee type of every record that has none. */
    public static final FeeType CNY = new FeeType("CNY", "元", "人民币", "¥");
    /** Hong Kong dollar, the second fee type of the seed catalog. */
    public static final FeeType HKD = new FeeType("HKD", "港元", "港币", "$");

    /** Validates every field. */
    public FeeType {
        code = FeeTypeCodes.check("code", code);
        unit = Checks.maxLength("unit", Checks.notBlank("unit", unit), 128);
        name = Checks.maxLength("name", Checks.notBlank("name", name), 128);
        symbol = Checks.maxLength("symbol", Checks.notBlank("symbol", symbol), 32);
    }

    /** The number of minor-unit digits of this currency (2 for CNY, 0 for JPY). */
    public int minorDigits() {
        return FeeTypeCodes.minorDigits(code);
    }
}
