package io.settlekit.billing;

import io.settlekit.internal.Checks;
import io.settlekit.money.FeeTypeCodes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A merchant's unpaid orders at a date ({@code unpaid_list}, rule R6.4 of docs/rules.md): those of the pending period
 * and those before it, each ordered by date then id.
 *
 * @param date          the date the list was asked for
 * @param period        the pending period at that date; its settle date is the deadline ({@code settle_time})
 * @param feeType       the merchant's currency
 * @param merchantName  the merchant's display name ({@code resname}), when known
 * @param currentOrders unpaid orders of the pending period
 * @param historyOrders unpaid orders before the pending period
 */
public record UnpaidList(LocalDate date, Period period, String feeType, Optional<String> merchantName,
                         List<LedgerOrder> currentOrders, List<LedgerOrder> historyOrders) {
    private static final Comparator<LedgerOrder> BY_DATE_THEN_ID =
            Comparator.comparing(LedgerOrder::date).thenComparing(LedgerOrder::id);

    /** Validates and copies. */
    public UnpaidList {
        Checks.present("date", date);
        Checks.present("period", period);
        feeType = FeeTypeCodes.check("fee_type", feeType);
        Checks.present("merchant_name", merchantName);
        currentOrders = List.copyOf(currentOrders);
        historyOrders = List.copyOf(historyOrders);
    }

    /**
     * The unpaid list of a merchant at {@code date}.
     *
     * @throws io.settlekit.base.CurrencyMismatchException naming the first order in another currency
     */
    public static UnpaidList of(BillingCalendar calendar, String feeType, Optional<String> merchantName,
                                List<LedgerOrder> orders, LocalDate date) {
        String currency = FeeTypeCodes.check("fee_type", feeType);
        Period pending = calendar.pendingAt(date);
        List<LedgerOrder> current = new ArrayList<>();
        List<LedgerOrder> history = new ArrayList<>();
        for (LedgerOrder order : Checks.present("orders", orders)) {
            Bill.requireCurrency(order, currency);
            if (!order.isOpen()) {
                continue;
            }
            if (pending.contains(order.date())) {
                current.add(order);
            } else if (order.date().isBefore(pending.begin())) {
                history.add(order);
            }
        }
        current.sort(BY_DATE_THEN_ID);
        history.sort(BY_DATE_THEN_ID);
        return new UnpaidList(date, pending, currency, merchantName, current, history);
    }

    /** The deadline of the pending period's orders. */
    public LocalDate deadline() {
        return period.settle();
    }
}
