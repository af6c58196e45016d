package io.settlekit.reconcile;

import java.util.Optional;

/** What a settlement line is, as far as reconciliation cares. */
public enum LineKind {
    /** A customer's payment for an order (forward). */
    PAYMENT("payment", Direction.FORWARD),
    /** A refund to a customer (reverse). */
    REFUND("refund", Direction.REVERSE),
    /** A fee charged or returned by the provider on its own line. */
    FEE("fee", null),
    /** A chargeback (dispute lost): money taken back for an order (reverse). */
    CHARGEBACK("chargeback", Direction.REVERSE),
    /** A transfer into or out of the provider balance (bank withdrawal, funding). */
    TRANSFER("transfer", null),
    /** Anything else (currency conversion, holds, unknown event codes). */
    OTHER("other", null);

    private final String code;
    /** Kept as an {@code Optional}: built once, not once per settlement line reconciled. */
    private final Optional<Direction> direction;

    LineKind(String code, Direction direction) {
        this.code = code;
        this.direction = Optional.ofNullable(direction);
    }

    /** The wire form, e.g. {@code payment}. */
    public String code() {
        return code;
    }

    /** The order direction this kind settles, empty for fees, transfers and other lines. */
    public Optional<Direction> direction() {
        return direction;
    }
}
