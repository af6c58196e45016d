package io.settlekit.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.money.Amount;
import io.settlekit.money.CurrencyTotals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the lines and receivables, the reconciliation accounts for each exactly once and its totals add up. */
class ReconcilerPropertiesTest {
    private static final ReportKey KEY = new ReportKey(Channel.PAYPAL, "site", LocalDate.of(2025, 3, 14));

    @Provide
    Arbitrary<List<Receivable>> receivables() {
        return Combinators.combine(
                        Arbitraries.of("A", "B", "C", "D"),
                        Arbitraries.of(Direction.values()),
                        Arbitraries.of("USD", "EUR"),
                        Arbitraries.longs().between(0, 5))
                .as((reference, direction, currency, amount) -> new Receivable(reference, direction, Amount.ofMinor(currency, amount * 100), Lines.T))
                .list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<SettlementLine>> lines() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 15),
                        Arbitraries.of("A", "B", "C", "D", "E", ""),
                        Arbitraries.of(LineKind.values()),
                        Arbitraries.of("USD", "EUR"),
                        Arbitraries.longs().between(0, 5))
                .as((txn, reference, kind, currency, amount) -> new SettlementLine(Channel.PAYPAL, "T" + txn, Optional.of(reference), kind,
                        "X", Amount.ofMinor(currency, kind == LineKind.PAYMENT ? amount * 100 : -amount * 100),
                        Amount.ofMinor(currency, -amount), Lines.T, "f", 1))
                .list().ofMaxSize(16);
    }

    /** Lines of any kind and either sign: a payment may be carried as a debit, a refund as a credit. */
    @Provide
    Arbitrary<List<SettlementLine>> signedLines() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 15),
                        Arbitraries.of("A", "B", "C", "D", "E", ""),
                        Arbitraries.of(LineKind.values()),
                        Arbitraries.of("USD", "EUR"),
                        Arbitraries.longs().between(-5, 5))
                .as((txn, reference, kind, currency, amount) -> new SettlementLine(Channel.PAYPAL, "T" + txn, Optional.of(reference), kind,
                        "X", Amount.ofMinor(currency, amount * 100), Amount.ofMinor(currency, -Math.abs(amount)), Lines.T, "f", 1))
                .list().ofMaxSize(16);
    }

    @Property
    void forMatchedItemsTheSettledTotalsEqualTheExpectedTotalsPerCurrency(@ForAll("receivables") List<Receivable> receivables,
                                                                        @ForAll("signedLines") List<SettlementLine> lines) {
        List<ReconciledItem> items = new ArrayList<>();
        Reconciler reconciler = new Reconciler(KEY, receivables, items::add);
        lines.forEach(reconciler::accept);
        ReconciliationSummary summary = reconciler.finish(List.of("f"));

        assertThat(summary.settled().get(ItemCategory.MATCHED)).isEqualTo(summary.expected().get(ItemCategory.MATCHED));
        for (ReconciledItem item : items) {
            if (item.category() == ItemCategory.MATCHED) {
                SettlementLine line = item.line().orElseThrow();
                // a non-zero line is matched only when its sign agrees with its kind's direction
                assertThat(line.gross().fen() == 0 || (line.gross().isNegative() == (item.direction().orElseThrow() == Direction.REVERSE)))
                        .as("sign of %s", line).isTrue();
            }
        }
    }

    @Property
    void everyLineAndReceivableIsReportedOnceAndTheTotalsAddUp(@ForAll("receivables") List<Receivable> receivables,
                                                              @ForAll("lines") List<SettlementLine> lines) {
        List<ReconciledItem> items = new ArrayList<>();
        Reconciler reconciler = new Reconciler(KEY, receivables, items::add);
        lines.forEach(reconciler::accept);
        ReconciliationSummary summary = reconciler.finish(List.of("f"));

        Map<Object, Integer> seen = new IdentityHashMap<>();
        // receivables are reported as values rebuilt from the compact index, so they are counted by equality
        Map<Receivable, Integer> reported = new java.util.HashMap<>();
        for (ReconciledItem item : items) {
            item.line().ifPresent(line -> seen.merge(line, 1, Integer::sum));
            item.receivable().ifPresent(receivable -> reported.merge(receivable, 1, Integer::sum));
            if (item.category() == ItemCategory.MATCHED) {
                Receivable receivable = item.receivable().orElseThrow();
                assertThat(item.line().orElseThrow().gross()).isEqualTo(receivable.direction() == Direction.REVERSE
                        ? receivable.amount().negate() : receivable.amount());
                assertThat(item.line().orElseThrow().kind().direction()).contains(item.receivable().orElseThrow().direction());
            }
            if (item.category() == ItemCategory.AMOUNT_MISMATCH) {
                assertThat(item.difference()).isPresent().get().matches(d -> d.fen() != 0);
            }
        }
        lines.forEach(line -> assertThat(seen.get(line)).as("line %s", line).isEqualTo(1));
        Map<Receivable, Integer> given = new java.util.HashMap<>();
        receivables.forEach(receivable -> given.merge(receivable, 1, Integer::sum));
        assertThat(reported).as("every receivable reported exactly once").isEqualTo(given);
        assertThat(summary.counts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(items.size());

        CurrencyTotals.Builder settled = CurrencyTotals.builder();
        CurrencyTotals.Builder expected = CurrencyTotals.builder();
        summary.settled().values().forEach(settled::addAll);
        summary.expected().values().forEach(expected::addAll);
        assertThat(settled.build()).isEqualTo(CurrencyTotals.of(lines.stream().map(SettlementLine::gross).toList()));
        assertThat(expected.build()).isEqualTo(CurrencyTotals.of(receivables.stream()
                .map(r -> r.direction() == Direction.REVERSE ? r.amount().negate() : r.amount()).toList()));
        assertThat(summary.gross()).isEqualTo(CurrencyTotals.of(lines.stream().map(SettlementLine::gross).toList()));
    }
}
