package io.settlekit.reconcile;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;
import io.settlekit.money.Amount;

import java.util.Optional;

/**
 * One line of a reconciliation report: a settlement line, a receivable, or both, and what became of them.
 *
 * @param category   the outcome
 * @param reference  the order reference concerned (empty for lines without one)
 * @param direction  the order direction, empty for lines that stand for no order
 * @param line       the settlement line, when there is one
 * @param receivable the receivable, when there is one
 */
public record ReconciledItem(ItemCategory category, Optional<String> reference, Optional<Direction> direction,
                             Optional<SettlementLine> line, Optional<Receivable> receivable) {

    /** Validates that at least one side is present. */
    public ReconciledItem {
        Checks.present("category", category);
        Checks.present("reference", reference);
        Checks.present("direction", direction);
        Checks.present("line", line);
        Checks.present("receivable", receivable);
        if (line.isEmpty() && receivable.isEmpty()) {
            throw ValidationException.missing("line");
        }
    }

    // items are made for every line of a file: the direction's Optional is shared, not made each time
    private static final Optional<Direction> FORWARD = Optional.of(Direction.FORWARD);
    private static final Optional<Direction> REVERSE = Optional.of(Direction.REVERSE);

    private static Optional<Direction> of(Direction direction) {
        return direction == Direction.REVERSE ? REVERSE : FORWARD;
    }

    /** An item with a settlement line only. */
    static ReconciledItem ofLine(ItemCategory category, SettlementLine line) {
        return new ReconciledItem(category, line.orderReference(), line.kind().direction(), Optional.of(line), Optional.empty());
    }

    /** An item with both sides. */
    static ReconciledItem of(ItemCategory category, SettlementLine line, Receivable receivable) {
        // the line's own reference Optional when it names the same order (it does, for lines matched by reference)
        Optional<String> reference = line.orderReference().isPresent() && line.orderReference().get().equals(receivable.reference())
                ? line.orderReference() : Optional.of(receivable.reference());
        return new ReconciledItem(category, reference, of(receivable.direction()), Optional.of(line), Optional.of(receivable));
    }

    /** An item with a receivable only. */
    static ReconciledItem ofReceivable(ItemCategory category, Receivable receivable) {
        return new ReconciledItem(category, Optional.of(receivable.reference()), of(receivable.direction()),
                Optional.empty(), Optional.of(receivable));
    }

    /**
     * The settled gross in the receivable's direction's terms minus the receivable, when both sides exist
     * in one currency: positive when the provider paid (forward) or refunded (reverse) more than the shop
     * expected. A line whose sign contradicts its direction counts against it: a payment of 89.90 carried
     * as a debit against an expected 89.90 differs by -179.80.
     */
    public Optional<Amount> difference() {
        if (line.isEmpty() || receivable.isEmpty() || !line.get().currency().equals(receivable.get().amount().feeType())) {
            return Optional.empty();
        }
        Amount gross = line.get().gross();
        Amount settled = receivable.get().direction() == Direction.REVERSE ? gross.negate() : gross;
        return Optional.of(settled.minus(receivable.get().amount()));
    }
}
