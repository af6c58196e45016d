package io.settlekit.reconcile;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;
import io.settlekit.money.Amount;

import java.time.Instant;

/**
 * What the shop expects a provider to settle for one order (rule R9.7 of docs/rules.md): a forward receivable is an
 * accepted order's payment, a reverse one a refund (order slip). Amounts are positive either way.
 *
 * @param reference the shop's order reference, as sent to the provider
 * @param direction forward (payment) or reverse (refund)
 * @param amount    the expected amount, zero or positive
 * @param time      the payment's or the refund's time
 */
public record Receivable(String reference, Direction direction, Amount amount, Instant time) {

    /** Validates every field. */
    public Receivable {
        reference = Checks.notBlank("reference", reference);
        Checks.present("direction", direction);
        Checks.present("amount", amount);
        if (amount.isNegative()) {
            throw ValidationException.invalid("amount", amount, "must not be negative (the direction carries the sign)");
        }
        Checks.present("time", time);
    }
}
