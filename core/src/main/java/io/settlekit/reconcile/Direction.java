package io.settlekit.reconcile;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;

/** Which way money moves for an order: a payment (forward) or a refund (reverse). */
public enum Direction {
    /** Money from the customer: the order's payment. */
    FORWARD("forward"),
    /** Money back to the customer: a refund (order slip) or a chargeback. */
    REVERSE("reverse");

    private final String code;

    Direction(String code) {
        this.code = code;
    }

    /** The wire form, {@code forward} or {@code reverse}. */
    public String code() {
        return code;
    }

    /** The direction with wire form {@code code}, else an error naming {@code field}. */
    public static Direction of(String field, String code) {
        String checked = Checks.notBlank(field, code);
        for (Direction direction : values()) {
            if (direction.code.equals(checked)) {
                return direction;
            }
        }
        throw ValidationException.invalid(field, code, "must be forward or reverse");
    }
}
