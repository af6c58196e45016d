package io.settlekit.billing;

import io.settlekit.internal.Checks;
import io.settlekit.base.CurrencyMismatchException;
import io.settlekit.money.Amount;
import io.settlekit.money.FeeTypeCodes;

import java.time.LocalDate;
import java.util.List;

/**
 * A merchant's bill at a date ({@code bill_info}, rule R6.3 of docs/rules.md), in fen of the merchant's currency.
 *
 * @param date         the date the bill was asked for
 * @param period       the pending period at that date
 * @param plan         the plan governing {@code date} (the merchant's current plan, shown with the bill)
 * @param total        orders in the pending period ({@code total_price})
 * @param paid         the paid part of them ({@code paid_price})
 * @param historyUnpaid unpaid amount of orders before the period ({@code history_pay_price})
 */
public record Bill(LocalDate date, Period period, Plan plan, Amount total, Amount paid, Amount historyUnpaid) {
    /** Validates that the amounts share one currency. */
    public Bill {
        Checks.present("date", date);
        Checks.present("period", period);
        Checks.present("plan", plan);
        Checks.present("total", total);
        Checks.present("paid", paid);
        Checks.present("history_unpaid", historyUnpaid);
        if (!paid.feeType().equals(total.feeType())) {
            throw new CurrencyMismatchException("paid", total.feeType(), paid.feeType());
        }
        if (!historyUnpaid.feeType().equals(total.feeType())) {
            throw new CurrencyMismatchException("history_unpaid", total.feeType(), historyUnpaid.feeType());
        }
    }

    /**
     * The bill of a merchant at {@code date}, from its orders.
     *
     * @param calendar the merchant's calendar
     * @param feeType  the merchant's currency
     * @param orders   the merchant's orders: at least those of the pending period and every unpaid earlier one
     * @throws CurrencyMismatchException naming the first order in another currency
     */
    public static Bill of(BillingCalendar calendar, String feeType, List<LedgerOrder> orders, LocalDate date) {
        String currency = FeeTypeCodes.check("fee_type", feeType);
        Period pending = calendar.pendingAt(date);
        // summed in long fen, three Amounts per bill instead of two per order (a profiled cost of bills for
        // 12,000 merchants); on overflow the Amount sums below raise the SDK's error at the same order
        long total = 0;
        long paid = 0;
        long history = 0;
        try {
            for (LedgerOrder order : Checks.present("orders", orders)) {
                requireCurrency(order, currency);
                if (pending.contains(order.date())) {
                    total = Math.addExact(total, order.amount().fen());
                    paid = Math.addExact(paid, order.paid());
                } else if (order.date().isBefore(pending.begin())) {
                    history = Math.addExact(history, order.amount().fen() - order.paid());
                }
            }
        } catch (ArithmeticException overflow) {
            return ofAmounts(calendar, currency, pending, orders, date);
        }
        return new Bill(date, pending, calendar.planAt(date), Amount.ofMinor(currency, total), Amount.ofMinor(currency, paid),
                Amount.ofMinor(currency, history));
    }

    private static Bill ofAmounts(BillingCalendar calendar, String currency, Period pending, List<LedgerOrder> orders, LocalDate date) {
        Amount total = Amount.zero(currency);
        Amount paid = Amount.zero(currency);
        Amount history = Amount.zero(currency);
        for (LedgerOrder order : orders) {
            requireCurrency(order, currency);
            if (pending.contains(order.date())) {
                total = total.plus(order.amount());
                paid = paid.plus(Amount.ofMinor(currency, order.paid()));
            } else if (order.date().isBefore(pending.begin())) {
                history = history.plus(order.unpaid());
            }
        }
        return new Bill(date, pending, calendar.planAt(date), total, paid, history);
    }

    /** What is still to pay for the period ({@code pay_price} = total − paid). */
    public Amount pay() {
        return total.minus(paid);
    }

    /** Everything owed at the date: {@code pay_price + history_pay_price}. */
    public Amount due() {
        return pay().plus(historyUnpaid);
    }

    /** The merchant's currency. */
    public String feeType() {
        return total.feeType();
    }

    static void requireCurrency(LedgerOrder order, String feeType) {
        if (!order.amount().feeType().equals(feeType)) {
            throw new CurrencyMismatchException("order " + order.id(), feeType, order.amount().feeType());
        }
    }
}
