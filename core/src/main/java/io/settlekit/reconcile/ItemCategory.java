package io.settlekit.reconcile;

/** The outcome of one reconciled item. */
public enum ItemCategory {
    /**
     * A settlement line and a receivable of the same order, direction, currency and signed amount (a
     * forward receivable's amount as a credit, a reverse one's as a debit).
     */
    MATCHED("matched"),
    /**
     * Same order, direction and currency, different amounts (both are reported); also a line whose sign
     * contradicts its kind, such as a payment carried as a debit, which is never matched.
     */
    AMOUNT_MISMATCH("amount_mismatch"),
    /** Same order and direction, different currencies. */
    CURRENCY_MISMATCH("currency_mismatch"),
    /** A receivable no settlement line of the day stands for. */
    MISSING_IN_SETTLEMENT("missing_in_settlement"),
    /** An order payment, refund or chargeback line, or an unknown event, with no receivable of its order. */
    UNEXPECTED_IN_SETTLEMENT("unexpected_in_settlement"),
    /**
     * A line whose transaction id was already reconciled (the same event delivered twice), or a further
     * payment of an order whose payments are all matched already (a double charge).
     */
    DUPLICATE("duplicate"),
    /** A fee or transfer line that stands for no order: listed and totalled, not matched. */
    NOT_ORDER_RELATED("not_order_related");

    private final String code;

    ItemCategory(String code) {
        this.code = code;
    }

    /** The wire form, e.g. {@code amount_mismatch}. */
    public String code() {
        return code;
    }
}
