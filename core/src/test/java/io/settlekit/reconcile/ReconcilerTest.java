package io.settlekit.reconcile;

import static io.settlekit.reconcile.Lines.forward;
import static io.settlekit.reconcile.Lines.line;
import static io.settlekit.reconcile.Lines.payment;
import static io.settlekit.reconcile.Lines.refund;
import static io.settlekit.reconcile.Lines.reverse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.money.Amount;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReconcilerTest {
    private static final ReportKey KEY = new ReportKey(Channel.PAYPAL, "fr-cupshe", LocalDate.of(2025, 3, 14));

    private final List<ReconciledItem> items = new ArrayList<>();

    private Reconciler reconciler(Receivable... receivables) {
        return new Reconciler(KEY, List.of(receivables), items::add);
    }

    private List<String> outcomes() {
        return items.stream().map(i -> i.category().code() + ":" + i.reference().orElse("-")
                + i.line().map(l -> ":" + l.transactionId()).orElse("")).toList();
    }

    @Test
    void matchesByReferenceDirectionCurrencyAndAmount() {
        Reconciler r = reconciler(forward("A", "USD", 8990), reverse("A", "USD", 3000));
        r.accept(payment("t1", "A", "USD", 8990));
        r.accept(refund("t2", "A", "USD", 3000));
        ReconciliationSummary summary = r.finish(List.of("f.csv"));

        assertThat(outcomes()).containsExactly("matched:A:t1", "matched:A:t2");
        assertThat(summary.count(ItemCategory.MATCHED)).isEqualTo(2);
        assertThat(summary.settled().get(ItemCategory.MATCHED).asMap()).isEqualTo(Map.of("USD", 8990L - 3000L));
        assertThat(summary.expected().get(ItemCategory.MATCHED)).isEqualTo(summary.settled().get(ItemCategory.MATCHED));
        assertThat(summary.isClean()).isTrue();
    }

    @Test
    void reportsEveryCategoryWithBothAmountsWhereThereAreTwo() {
        Reconciler r = reconciler(
                forward("MISMATCH", "USD", 10000),
                forward("CURRENCY", "USD", 7490),
                forward("MISSING", "EUR", 500),
                forward("PAID", "USD", 100));
        r.accept(payment("t1", "MISMATCH", "USD", 9990));
        r.accept(payment("t2", "CURRENCY", "EUR", 7490));
        r.accept(payment("t3", "NOBODY", "USD", 42));
        r.accept(payment("t4", "PAID", "USD", 100));
        r.accept(payment("t4", "PAID", "USD", 100)); // the same event twice
        r.accept(payment("t5", "PAID", "USD", 100)); // a second charge of a paid order
        r.accept(line("t6", "", LineKind.TRANSFER, "USD", -100000));
        r.accept(line("t7", "PAID", LineKind.FEE, "USD", -2000));
        r.accept(line("t8", "PAID", LineKind.OTHER, "USD", 1));
        ReconciliationSummary summary = r.finish(List.of("f.csv"));

        assertThat(outcomes()).containsExactlyInAnyOrder(
                "amount_mismatch:MISMATCH:t1", "currency_mismatch:CURRENCY:t2", "missing_in_settlement:MISSING",
                "unexpected_in_settlement:NOBODY:t3", "matched:PAID:t4", "duplicate:PAID:t4", "duplicate:PAID:t5",
                "not_order_related:-:t6", "not_order_related:PAID:t7", "unexpected_in_settlement:PAID:t8");
        ReconciledItem mismatch = items.stream().filter(i -> i.category() == ItemCategory.AMOUNT_MISMATCH).findFirst().orElseThrow();
        assertThat(mismatch.line().orElseThrow().gross()).isEqualTo(Amount.ofMinor("USD", 9990));
        assertThat(mismatch.receivable().orElseThrow().amount()).isEqualTo(Amount.ofMinor("USD", 10000));
        assertThat(mismatch.difference()).contains(Amount.ofMinor("USD", -10));
        ReconciledItem currency = items.stream().filter(i -> i.category() == ItemCategory.CURRENCY_MISMATCH).findFirst().orElseThrow();
        assertThat(currency.difference()).isEmpty();
        assertThat(currency.receivable().orElseThrow().amount().feeType()).isEqualTo("USD");
        for (ItemCategory category : ItemCategory.values()) {
            assertThat(summary.count(category)).as(category.code()).isPositive();
        }
        assertThat(summary.lines()).isEqualTo(9);
        assertThat(summary.receivables()).isEqualTo(4);
        assertThat(summary.gross().asMap()).isEqualTo(Map.of("USD", 9990L + 42 + 300 - 100000 - 2000 + 1, "EUR", 7490L));
        assertThat(summary.isClean()).isFalse();
    }

    @Test
    void anExactLineArrivingLaterIsPreferredToAnEarlierNearMiss() {
        Reconciler r = reconciler(reverse("A", "USD", 2000), reverse("A", "USD", 1000));
        r.accept(refund("t1", "A", "USD", 1500)); // waits
        r.accept(refund("t2", "A", "USD", 2000)); // matches exactly
        r.finish(List.of());

        assertThat(outcomes()).containsExactly("matched:A:t2", "amount_mismatch:A:t1");
        assertThat(items.get(1).receivable().orElseThrow().amount().fen()).isEqualTo(1000);
    }

    @Test
    void waitingLinesNeverOutnumberTheOpenReceivablesOfTheirOrder() {
        Reconciler r = reconciler(reverse("A", "USD", 2000));
        r.accept(refund("t1", "A", "USD", 1500)); // waits for the only receivable
        r.accept(refund("t2", "A", "USD", 1700)); // no room: surplus at once
        assertThat(outcomes()).containsExactly("unexpected_in_settlement:A:t2");
        r.accept(refund("t3", "A", "USD", 2000)); // exact: the waiting line becomes surplus
        assertThat(outcomes()).containsExactly("unexpected_in_settlement:A:t2", "matched:A:t3", "unexpected_in_settlement:A:t1");
        r.finish(List.of());
        assertThat(items).hasSize(3);
    }

    @Test
    void amountMismatchPairsTheClosestAmount() {
        Reconciler r = reconciler(forward("A", "USD", 100), forward("A", "USD", 5000));
        r.accept(payment("t1", "A", "USD", 4990));
        r.finish(List.of());

        assertThat(outcomes()).containsExactly("amount_mismatch:A:t1", "missing_in_settlement:A");
        assertThat(items.get(0).receivable().orElseThrow().amount().fen()).isEqualTo(5000);
    }

    @Test
    void aLineWithoutReferenceOrOfTheOtherDirectionIsUnexpected() {
        Reconciler r = reconciler(forward("A", "USD", 100));
        r.accept(refund("t1", "A", "USD", 100));
        r.accept(payment("t2", null, "USD", 100));
        r.accept(line("t3", "A", LineKind.CHARGEBACK, "USD", -100));
        r.finish(List.of());

        assertThat(outcomes()).containsExactly("unexpected_in_settlement:A:t1", "unexpected_in_settlement:-:t2",
                "unexpected_in_settlement:A:t3", "missing_in_settlement:A");
    }

    @Test
    void aLineWhoseSignContradictsItsKindIsNeverMatched() {
        Reconciler r = reconciler(forward("PAY", "USD", 8990), reverse("REF", "USD", 3000));
        r.accept(line("t1", "PAY", LineKind.PAYMENT, "USD", -8990)); // a payment that takes the money out
        r.accept(line("t2", "REF", LineKind.REFUND, "USD", 3000)); // a refund that brings money in
        ReconciliationSummary summary = r.finish(List.of());

        assertThat(outcomes()).containsExactly("amount_mismatch:PAY:t1", "amount_mismatch:REF:t2");
        // in the direction's terms: the payment moved 179.80 less than expected, the refund 60.00 less
        assertThat(items.get(0).difference()).contains(Amount.ofMinor("USD", -17980));
        assertThat(items.get(1).difference()).contains(Amount.ofMinor("USD", -6000));
        assertThat(summary.count(ItemCategory.MATCHED)).isZero();
        assertThat(summary.isClean()).isFalse();
    }

    @Test
    void aSignContradictingLineWaitsForTheRightOneAndTheMatchedTotalsAgree() {
        Reconciler r = reconciler(forward("PAY", "USD", 8990));
        r.accept(line("t1", "PAY", LineKind.PAYMENT, "USD", -8990));
        r.accept(payment("t2", "PAY", "USD", 8990));
        ReconciliationSummary summary = r.finish(List.of());

        assertThat(outcomes()).containsExactly("matched:PAY:t2", "duplicate:PAY:t1");
        assertThat(summary.settled().get(ItemCategory.MATCHED)).isEqualTo(summary.expected().get(ItemCategory.MATCHED));
    }

    @Test
    void aFinishedReconciliationAcceptsNothing() {
        Reconciler r = reconciler();
        r.finish(List.of());

        assertThatThrownBy(() -> r.accept(payment("t1", "A", "USD", 1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> r.finish(List.of())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void duplicatesAreFoundAmongManyDistinctTransactionIds() {
        Reconciler r = reconciler();
        for (int i = 0; i < 200_000; i++) {
            r.accept(payment("SYNTX" + i, null, "USD", 1));
        }
        r.accept(payment("SYNTX123456", null, "USD", 1));
        ReconciliationSummary summary = r.finish(List.of());

        assertThat(summary.count(ItemCategory.DUPLICATE)).isEqualTo(1);
        assertThat(summary.count(ItemCategory.UNEXPECTED_IN_SETTLEMENT)).isEqualTo(200_000);
    }
}
