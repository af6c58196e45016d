package io.settlekit.billing;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;
import io.settlekit.money.Amount;

import java.time.LocalDate;

/**
 * An order as the merchant ledger knows it, for bills and unpaid lists (rules R6.3–R6.4 of docs/rules.md).
 *
 * @param id     the host's order id, e.g. {@code PL0001}
 * @param date   the order's date in the deployment zone (it decides the order's period)
 * @param amount the order's amount in fen of its currency, not negative
 * @param paid   the part already paid, in fen of the same currency, from 0 to the amount
 * @param status the host's order status code, carried through unchanged
 */
public record LedgerOrder(String id, LocalDate date, Amount amount, long paid, int status) {
    /** The longest order id accepted. */
    public static final int MAX_ID_LENGTH = 64;

    /** Validates every field. */
    public LedgerOrder {
        id = Checks.maxLength("order_id", Checks.notBlank("order_id", id), MAX_ID_LENGTH);
        BillingDates.check("date", date);
        Checks.present("amount", amount);
        Checks.notNegative("amount", amount.fen());
        Checks.notNegative("paid", paid);
        if (paid > amount.fen()) {
            throw ValidationException.invalid("paid", paid, "must not exceed the order amount " + amount.fen() + " of order " + id);
        }
    }

    /** An order of {@code amountFen} fen of {@code feeType}. */
    public static LedgerOrder of(String id, LocalDate date, String feeType, long amountFen, long paidFen, int status) {
        return new LedgerOrder(id, date, Amount.ofMinor(feeType, amountFen), paidFen, status);
    }

    /** The part not yet paid. */
    public Amount unpaid() {
        return Amount.ofMinor(amount.feeType(), amount.fen() - paid);
    }

    /** Whether some of it is still unpaid. */
    public boolean isOpen() {
        return paid < amount.fen();
    }
}
