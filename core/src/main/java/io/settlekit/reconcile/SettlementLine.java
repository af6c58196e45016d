package io.settlekit.reconcile;

import io.settlekit.internal.Checks;
import io.settlekit.base.CurrencyMismatchException;
import io.settlekit.money.Amount;

import java.time.Instant;
import java.util.Optional;

/**
 * One money-moving event of a provider's settlement file, normalised: signed amounts in minor units of
 * the line's currency (money into the merchant's balance positive), the order reference the shop sent,
 * and where in which file it was read.
 *
 * @param provider       the channel whose file it comes from
 * @param transactionId  the provider's id of the event (unique per event; the duplicate key)
 * @param orderReference the shop's order reference, empty when the line has none (withdrawals)
 * @param kind           payment, refund, fee, chargeback, transfer or other
 * @param eventCode      the provider's own type, e.g. {@code T0006} or {@code Order}
 * @param gross          the signed gross amount
 * @param fee            the signed fee (negative when charged), same currency as gross
 * @param time           when the event happened
 * @param file           the file it was read from
 * @param line           the 1-based line of the file
 */
public record SettlementLine(Channel provider, String transactionId, Optional<String> orderReference, LineKind kind,
                             String eventCode, Amount gross, Amount fee, Instant time, String file, long line) {

    /** Validates every field; gross and fee must share a currency. */
    public SettlementLine {
        Checks.present("provider", provider);
        transactionId = Checks.notBlank("transaction_id", transactionId);
        orderReference = stripped(Checks.present("order_reference", orderReference));
        Checks.present("kind", kind);
        eventCode = Checks.present("event_code", eventCode).strip();
        Checks.present("gross", gross);
        Checks.present("fee", fee);
        if (!gross.feeType().equals(fee.feeType())) {
            throw new CurrencyMismatchException("fee", gross.feeType(), fee.feeType());
        }
        Checks.present("time", time);
        file = Checks.notBlank("file", file);
        Checks.notNegative("line", line);
    }

    /**
     * The reference stripped, empty when blank; the given {@code Optional} itself when it is already so (a
     * parser builds one line per row: the usual case allocates nothing).
     */
    private static Optional<String> stripped(Optional<String> reference) {
        if (reference.isEmpty()) {
            return reference;
        }
        String given = reference.get();
        String strip = given.strip();
        if (strip.isEmpty()) {
            return Optional.empty();
        }
        return strip == given ? reference : Optional.of(strip);
    }

    /** The net amount, {@code gross + fee}. */
    public Amount net() {
        return gross.plus(fee);
    }

    /** The line's currency (its gross amount's). */
    public String currency() {
        return gross.feeType();
    }
}
