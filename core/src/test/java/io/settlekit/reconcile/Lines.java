package io.settlekit.reconcile;

import io.settlekit.money.Amount;

import java.time.Instant;
import java.util.Optional;

/** Builders of settlement lines and receivables for the tests. */
final class Lines {
    static final Instant T = Instant.parse("2025-03-14T08:00:00Z");

    private Lines() {
    }

    static SettlementLine line(String txn, String reference, LineKind kind, String currency, long gross) {
        return new SettlementLine(Channel.PAYPAL, txn, Optional.ofNullable(reference), kind, "T0006",
                Amount.ofMinor(currency, gross), Amount.ofMinor(currency, gross > 0 ? -gross / 30 : 0), T, "f.csv", 5);
    }

    static SettlementLine payment(String txn, String reference, String currency, long gross) {
        return line(txn, reference, LineKind.PAYMENT, currency, gross);
    }

    static SettlementLine refund(String txn, String reference, String currency, long gross) {
        return line(txn, reference, LineKind.REFUND, currency, -gross);
    }

    static Receivable forward(String reference, String currency, long amount) {
        return new Receivable(reference, Direction.FORWARD, Amount.ofMinor(currency, amount), T);
    }

    static Receivable reverse(String reference, String currency, long amount) {
        return new Receivable(reference, Direction.REVERSE, Amount.ofMinor(currency, amount), T);
    }
}
