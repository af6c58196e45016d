package io.settlekit.reconcile;

import io.settlekit.internal.Checks;
import io.settlekit.money.Amount;
import io.settlekit.money.CurrencyTotals;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
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
 * <p>Matching is by order reference and direction, on the signed amount: a forward receivable expects
 * the line's gross to be its amount, a reverse one its amount negated (a refund takes money out). A line
 * whose sign contradicts its kind (a payment carried as a debit, a refund as a credit) therefore equals no
 * receivable and is never matched: it ends as an amount mismatch of its order (or a surplus line). A line
 * equal in currency and signed amount to an open receivable of its order matches at once. A line that equals none waits (at most as many lines as the
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
    private final ReceivableIndex index;
    /** Lines waiting for a later exact match, by the first slot of their group (rare: kept in a map). */
    private final Map<Integer, List<SettlementLine>> waiting = new HashMap<>();
    /** The groups that have an entry in {@link #waiting}: most lines have none, and asking the map boxed the slot. */
    private final BitSet hasWaiting = new BitSet();
    private final TransactionFingerprints seen;

    // per category, indexed by ordinal (an EnumMap lookup per item showed in the reconciliation profile)
    private final long[] counts = new long[ItemCategory.values().length];
    private final CurrencyTotals.Builder[] settled = new CurrencyTotals.Builder[counts.length];
    private final CurrencyTotals.Builder[] expected = new CurrencyTotals.Builder[counts.length];
    private final CurrencyTotals.Builder gross = CurrencyTotals.builder();
    private final CurrencyTotals.Builder fees = CurrencyTotals.builder();
    private final CurrencyTotals.Builder net = CurrencyTotals.builder();
    private long lines;
    private boolean finished;

    /**
     * @param key         which reconciliation (carried into the summary)
     * @param receivables the day's receivables, in time order
     * @param sink        receives every item as soon as it is decided
     * @throws io.settlekit.base.ValidationException naming {@code key} or {@code receivables} when missing
     */
    public Reconciler(ReportKey key, Iterable<Receivable> receivables, Consumer<ReconciledItem> sink) {
        this(key, ReceivableIndex.of(receivables), sink);
    }

    /**
     * @param key         which reconciliation (carried into the summary)
     * @param receivables the day's receivables, indexed (stream a {@link io.settlekit.reconcile.ReceivableSource}
     *                    into {@link ReceivableIndex#builder()} to hold a large day in little memory)
     * @param sink        receives every item as soon as it is decided
     * @throws io.settlekit.base.ValidationException naming {@code key} or {@code receivables} when missing
     */
    public Reconciler(ReportKey key, ReceivableIndex receivables, Consumer<ReconciledItem> sink) {
        this.key = Checks.present("key", key);
        this.sink = Objects.requireNonNull(sink, "sink");
        this.index = Checks.present("receivables", receivables);
        // a file usually has about as many lines as the day has receivables: size the duplicate check for them
        this.seen = new TransactionFingerprints(receivables.size());
        for (int c = 0; c < counts.length; c++) {
            settled[c] = CurrencyTotals.builder();
            expected[c] = CurrencyTotals.builder();
        }
    }

    /**
     * Reconciles one settlement line.
     *
     * @throws io.settlekit.base.ValidationException naming {@code line} when it is missing, or
     *         ({@code arithmetic_overflow}) when a total leaves a {@code long} of minor units
     * @throws IllegalStateException after {@link #finish(List)}
     */
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
        // no Optional.map here: it boxed the slot and built a lambda and an Optional for every line
        Optional<String> reference = line.orderReference();
        int first = reference.isPresent() ? index.group(reference.get(), direction.get()) : -1;
        if (first < 0) {
            emit(ReconciledItem.ofLine(ItemCategory.UNEXPECTED_IN_SETTLEMENT, line));
            return;
        }
        Amount wanted = expectedTerms(line, direction.get());
        List<SettlementLine> queue = hasWaiting.get(first) ? waiting.get(first) : null;
        for (int slot = first; slot >= 0; slot = index.next(slot)) {
            if (index.isOpen(slot) && index.amountEquals(slot, wanted)) {
                index.close(slot);
                // the slot was found by the line's reference: the receivable takes the same string
                emit(ReconciledItem.of(ItemCategory.MATCHED, line, index.receivable(slot, reference.get())));
                if (queue != null && queue.size() > index.openCount(first)) {
                    surplus(queue.remove(queue.size() - 1));
                }
                return;
            }
        }
        int open = index.openCount(first);
        if (queue == null && open > 0) {
            queue = new ArrayList<>(1);
            waiting.put(first, queue);
            hasWaiting.set(first);
        }
        if (queue != null && queue.size() < open) {
            queue.add(line);
        } else {
            surplus(line);
        }
    }

    /**
     * Pairs the waiting lines with the remaining receivables, reports what is left, and returns the
     * totals. The reconciler accepts nothing afterwards.
     *
     * @param files the names of the files the lines came from, for the summary
     * @throws IllegalStateException when called twice
     */
    public ReconciliationSummary finish(List<String> files) {
        if (finished) {
            throw new IllegalStateException("the reconciliation of " + key + " is finished");
        }
        finished = true;
        for (int first = 0; first < index.size(); first++) {
            if (!index.isGroupHead(first)) {
                continue;
            }
            List<SettlementLine> queue = waiting.remove(first);
            if (queue != null) {
                for (SettlementLine line : queue) {
                    int partner = closestSameCurrency(first, line);
                    if (partner < 0) {
                        partner = firstOpen(first);
                        index.close(partner);
                        emit(ReconciledItem.of(ItemCategory.CURRENCY_MISMATCH, line, index.receivable(partner)));
                    } else {
                        index.close(partner);
                        emit(ReconciledItem.of(ItemCategory.AMOUNT_MISMATCH, line, index.receivable(partner)));
                    }
                }
            }
            for (int slot = first; slot >= 0; slot = index.next(slot)) {
                if (index.isOpen(slot)) {
                    index.close(slot);
                    emit(ReconciledItem.ofReceivable(ItemCategory.MISSING_IN_SETTLEMENT, index.receivable(slot)));
                }
            }
        }
        Map<ItemCategory, Long> countMap = new EnumMap<>(ItemCategory.class);
        Map<ItemCategory, CurrencyTotals> settledMap = new EnumMap<>(ItemCategory.class);
        Map<ItemCategory, CurrencyTotals> expectedMap = new EnumMap<>(ItemCategory.class);
        for (ItemCategory category : ItemCategory.values()) {
            countMap.put(category, counts[category.ordinal()]);
            settledMap.put(category, settled[category.ordinal()].build());
            expectedMap.put(category, expected[category.ordinal()].build());
        }
        return new ReconciliationSummary(key, files, lines, index.size(), countMap, settledMap, expectedMap,
                gross.build(), fees.build(), net.build());
    }

    /** A line beyond what its order's receivables can take: a double charge, or an unexpected refund. */
    private void surplus(SettlementLine line) {
        emit(ReconciledItem.ofLine(line.kind() == LineKind.PAYMENT ? ItemCategory.DUPLICATE
                : ItemCategory.UNEXPECTED_IN_SETTLEMENT, line));
    }

    /**
     * The line's gross in its direction's terms, what a receivable's (non-negative) amount must equal: the
     * gross of a forward line, the gross negated of a reverse one. A payment carried as a debit, or a
     * refund as a credit, comes out negative and so equals no receivable.
     */
    private static Amount expectedTerms(SettlementLine line, Direction direction) {
        return direction == Direction.REVERSE ? line.gross().negate() : line.gross();
    }

    /** The open receivable of the group in the line's currency with the closest amount (the first on ties), or -1. */
    private int closestSameCurrency(int first, SettlementLine line) {
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        long wanted = expectedTerms(line, index.isReverse(first) ? Direction.REVERSE : Direction.FORWARD).fen();
        for (int slot = first; slot >= 0; slot = index.next(slot)) {
            if (index.isOpen(slot) && index.feeType(slot).equals(line.currency())) {
                long distance = distance(wanted, index.fen(slot));
                if (distance < bestDistance) {
                    best = slot;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    /** {@code |a - b|}, or {@code Long.MAX_VALUE} when it does not fit (a wrapped difference would look close). */
    private static long distance(long a, long b) {
        try {
            return Math.abs(Math.subtractExact(a, b));
        } catch (ArithmeticException tooFar) {
            return Long.MAX_VALUE;
        }
    }

    private int firstOpen(int first) {
        for (int slot = first; slot >= 0; slot = index.next(slot)) {
            if (index.isOpen(slot)) {
                return slot;
            }
        }
        throw new IllegalStateException("a waiting line always has an open receivable");
    }

    private void emit(ReconciledItem item) {
        int category = item.category().ordinal();
        counts[category]++;
        if (item.line().isPresent()) {
            settled[category].add(item.line().get().gross());
        }
        // expected totals carry the lines' sign (refunds negative), so matched settled = matched expected
        if (item.receivable().isPresent()) {
            Receivable receivable = item.receivable().get();
            expected[category].add(receivable.direction() == Direction.REVERSE ? receivable.amount().negate() : receivable.amount());
        }
        sink.accept(item);
    }
}
