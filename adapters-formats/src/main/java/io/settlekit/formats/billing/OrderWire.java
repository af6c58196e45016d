package io.settlekit.formats.billing;

import com.fasterxml.jackson.databind.JsonNode;
import io.settlekit.base.ValidationException;
import io.settlekit.money.FeeTypeCodes;
import io.settlekit.billing.LedgerOrder;

/**
 * A ledger order on the wire: {@code {"id","date","amount","paid","status","fee_type"}} with amounts in
 * fen. {@code status} is optional (0), {@code fee_type} is optional (CNY, rule R1.4 of docs/rules.md); the other fields
 * are required.
 *
 * <p>Thread-safe: static conversions of their arguments, no state.
 */
public final class OrderWire {
    private OrderWire() {
    }

    /** Reads an order object; errors name {@code prefix + field}, e.g. {@code orders[2].paid}. */
    public static LedgerOrder read(JsonNode node, String prefix) {
        WireFields.object(node, prefix, "order");
        String id = WireFields.text(node, "id", prefix + "id");
        String feeType = WireFields.optionalText(node, "fee_type", prefix + "fee_type")
                .map(code -> FeeTypeCodes.check(prefix + "fee_type", code)).orElse(FeeTypeCodes.DEFAULT);
        long amount = WireFields.fen(node, "amount", prefix + "amount");
        long paid = WireFields.fen(node, "paid", prefix + "paid");
        if (amount < 0) {
            throw ValidationException.invalid(prefix + "amount", amount, "must not be negative");
        }
        if (paid < 0 || paid > amount) {
            throw ValidationException.invalid(prefix + "paid", paid, "must be between 0 and the amount " + amount);
        }
        int status = WireFields.has(node, "status") ? WireFields.integer(node, "status", prefix + "status") : 0;
        return LedgerOrder.of(id, WireFields.date(node, "date", prefix + "date"), feeType, amount, paid, status);
    }
}
