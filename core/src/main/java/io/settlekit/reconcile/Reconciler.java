package io.settlekit.reconcile;

import io.settlekit.Checks;
import io.settlekit.money.Amount;
import io.settlekit.money.CurrencyTotals;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reconciles one (channel, site, date): the day's receivables are held in memory, settlement lines are
 * {@linkplain #accept(SettlementLine) streamed} through once and never kept, and every outcome goes to
 * the sink as soon as it is decided. {@link #finish(List)} decides what is left and returns the totals.
 *
 * <p>Matching is by order reference and direction. A line equal in currency and amount to an open
 * receivable of its order matches at once. A line that equals none waits (at most as many lines as the
 * order has open receivables, so memory stays bounded by the receivables) for a later exact match to
 * come first; at the end, waiting lines pair with the remaining receivables, same currency first
 * (amount mismatch, closest amount first), then other currencies (currency mismatch). What is left is
 * missing in settlement (receivables) or unexpected / duplicate (lines). A transaction id seen before is
 * a duplicate and matches nothing.
 *
 * <p>Not thread-safe: one reconciliation, one thread.
 */
public final class Reconciler {
    private final ReportKey key;
    private final Consumer<ReconciledItem> sink;
    private final Map<GroupKey, Group> groups = new LinkedHashMap<>();
    private final TransactionFingerprints seen = new TransactionFingerprints();
    private final long receivables;

    private final EnumMap<ItemCategory, long[]> counts = new EnumMap<>(ItemCategory.class);
    private final EnumMap<ItemCategory, CurrencyTotals.Builder> settled = new EnumMap<>(ItemCategory.class);
    private final EnumMap<ItemCategory, CurrencyTotals.Builder> expected = new EnumMap<>(ItemCategory.class);
    private final CurrencyTotals.Builder gross = CurrencyTotals.builder();
    private final CurrencyTotals.Builder fees = CurrencyTotals.builder();
    private final CurrencyTotals.Builder net = CurrencyTotals.builder();
    private long lines;
    private boolean finished;

    private record GroupKey(String reference, Direction direction) {
    }

    /** The receivables of one order and direction, and the lines waiting for them. */
    private static final class Group {
        final List<Receivable> open = new ArrayList<>(1);
        final List<SettlementLine> waiting = new ArrayList<>(1);
    }

    /**
     * @param key         which reconciliation (carried into the summary)
     * @param receivables the day's receivables, in time order
     * @param sink        receives every item as soon as it is decided
     */
    public Reconciler(ReportKey key, Iterable<Receivable> receivables, Consumer<ReconciledItem> sink) {
        this.key = Checks.present("key", key);
        this.sink = Objects.requireNonNull(sink, "sink");
        long count = 0;
        for (Receivable receivable : Checks.present("receivables", receivables)) {
            groups.computeIfAbsent(new GroupKey(receivable.reference(), receivable.direction()), k -> new Group())
                    .open.add(Checks.present("receivables[" + count + "]", receivable));
            count++;
        }
        this.receivables = count;
        for (ItemCategory category : ItemCategory.values()) {
            counts.put(category, new long[1]);
            settled.put(category, CurrencyTotals.builder());
            expected.put(category, CurrencyTotals.builder());
        }
    }

    /** Reconciles one settlement line. */
    public void accept(SettlementLine line) {
        if (finished) {
            throw new IllegalStateException("the reconciliation of " + key + " is finished");
        }
        Checks.present("line", line);
        lines++;
        gross.add(line.gross());
        fees.add(line.fee());
        net.add(line.net());

        if (!seen.add(line.provider().code(), line.transactionId())) {
            emit(ReconciledItem.ofLine(ItemCategory.DUPLICATE, line));
            return;
        }
        Optional<Direction> direction = line.kind().direction();
        if (direction.isEmpty()) {
            emit(ReconciledItem.ofLine(line.kind() == LineKind.OTHER ? ItemCategory.UNEXPECTED_IN_SETTLEMENT
                    : ItemCategory.NOT_ORDER_RELATED, line));
            return;
        }
        Group group = line.orderReference().map(reference -> groups.get(new GroupKey(reference, direction.get()))).orElse(null);
        if (group == null) {
            emit(ReconciledItem.ofLine(ItemCategory.UNEXPECTED_IN_SETTLEMENT, line));
            return;
        }
        Amount size = line.grossMagnitude();
        for (int i = 0; i < group.open.size(); i++) {
            if (group.open.get(i).amount().equals(size)) {
                emit(ReconciledItem.of(ItemCategory.MATCHED, line, group.open.remove(i)));
                if (group.waiting.size() > group.open.size()) {
                    surplus(group.waiting.remove(group.waiting.size() - 1));
                }
                return;
            }
        }
        if (group.waiting.size() < group.open.size()) {
            group.waiting.add(line);
        } else {
            surplus(line);
        }
    }

    /**
     * Pairs the waiting lines with the remaining receivables, reports what is left, and returns the
     * totals. The reconciler accepts nothing afterwards.
     *
     * @param files the names of the files the lines came from, for the summary
     */
    public ReconciliationSummary finish(List<String> files) {
        if (finished) {
            throw new IllegalStateException("the reconciliation of " + key + " is finished");
        }
        finished = true;
        for (Group group : groups.values()) {
            for (SettlementLine line : group.waiting) {
                Receivable partner = closestSameCurrency(group.open, line);
                if (partner != null) {
                    group.open.remove(partner);
                    emit(ReconciledItem.of(ItemCategory.AMOUNT_MISMATCH, line, partner));
                } else {
                    emit(ReconciledItem.of(ItemCategory.CURRENCY_MISMATCH, line, group.open.remove(0)));
                }
            }
            group.waiting.clear();
            for (Receivable receivable : group.open) {
                emit(ReconciledItem.ofReceivable(ItemCategory.MISSING_IN_SETTLEMENT, receivable));
            }
            group.open.clear();
        }
        Map<ItemCategory, Long> countMap = new EnumMap<>(ItemCategory.class);
        Map<ItemCategory, CurrencyTotals> settledMap = new EnumMap<>(ItemCategory.class);
        Map<ItemCategory, CurrencyTotals> expectedMap = new EnumMap<>(ItemCategory.class);
        for (ItemCategory category : ItemCategory.values()) {
            countMap.put(category, counts.get(category)[0]);
            settledMap.put(category, settled.get(category).build());
            expectedMap.put(category, expected.get(category).build());
        }
        return new ReconciliationSummary(key, files, lines, receivables, countMap, settledMap, expectedMap,
                gross.build(), fees.build(), net.build());
    }

    /** A line beyond what its order's receivables can take: a double charge, or an unexpected refund. */
    private void surplus(SettlementLine line) {
        emit(ReconciledItem.ofLine(line.kind() == LineKind.PAYMENT ? ItemCategory.DUPLICATE
                : ItemCategory.UNEXPECTED_IN_SETTLEMENT, line));
    }

    private static Receivable closestSameCurrency(List<Receivable> open, SettlementLine line) {
        Receivable best = null;
        long bestDistance = Long.MAX_VALUE;
        for (Receivable receivable : open) {
            if (receivable.amount().feeType().equals(line.currency())) {
                long distance = Math.abs(line.grossMagnitude().fen() - receivable.amount().fen());
                if (distance < bestDistance) {
                    best = receivable;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    private void emit(ReconciledItem item) {
        counts.get(item.category())[0]++;
        item.line().ifPresent(line -> settled.get(item.category()).add(line.gross()));
        // expected totals carry the lines' sign (refunds negative), so matched settled = matched expected
        item.receivable().ifPresent(receivable -> expected.get(item.category()).add(receivable.direction() == Direction.REVERSE
                ? receivable.amount().negate() : receivable.amount()));
        sink.accept(item);
    }
}
