package io.settlekit.billing;

import io.settlekit.internal.Checks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Bills, unpaid lists and order deadlines of merchants (rules R6.1–R6.4 of docs/rules.md), from their plan histories and the
 * host's ledger, in each merchant's currency. A merchant the ledger does not know, or without a plan
 * history, has none (empty results). Orders in another currency than the merchant's are rejected with
 * {@link io.settlekit.base.CurrencyMismatchException} naming the order. A merchant whose ledger rows cannot be
 * read gets no bill: asked alone ({@link #bill}, {@link #unpaidList}) it is an
 * {@link UnreadableLedgerException} naming it; in a batch ({@link #bills}) it is left out with a warning
 * and the others' bills are computed.
 *
 * <p>Thread-safe when its plans and ledger are: it holds only final references to them and keeps no state between
 * calls.
 */
public final class Bills {
    private static final Logger LOG = LoggerFactory.getLogger(Bills.class);

    private final BillingPlans plans;
    private final MerchantLedger ledger;

    /**
     * @param plans  the merchants' plans
     * @param ledger the host's merchant accounts and orders
     */
    public Bills(BillingPlans plans, MerchantLedger ledger) {
        this.plans = Objects.requireNonNull(plans, "plans");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    /**
     * The merchant's bill ({@code bill_info}) at {@code date}.
     *
     * @throws UnreadableLedgerException when the merchant's ledger rows cannot be read
     * @throws io.settlekit.base.CurrencyMismatchException when an order is not in the merchant's currency
     * @throws io.settlekit.base.ValidationException naming the field: a missing or malformed merchant id (blank or
     *         longer than 64 characters) or a date outside 1900-01-01..2999-12-31
     * @throws io.settlekit.base.InfrastructureException when the plan store or the ledger fails
     */
    public Optional<Bill> bill(String merchantId, LocalDate date) {
        return bills(List.of(MerchantIds.check("merchant_id", merchantId)), date, true).values().stream().findFirst();
    }

    /**
     * The merchant's unpaid orders ({@code unpaid_list}) at {@code date}.
     *
     * @throws UnreadableLedgerException when the merchant's ledger rows cannot be read
     * @throws io.settlekit.base.ValidationException naming the field: a missing or malformed merchant id (blank or
     *         longer than 64 characters) or a date outside 1900-01-01..2999-12-31
     * @throws io.settlekit.base.CurrencyMismatchException naming the order when one is in another currency than the
     *         merchant's
     * @throws io.settlekit.base.InfrastructureException when the plan store or the ledger fails
     */
    public Optional<UnpaidList> unpaidList(String merchantId, LocalDate date) {
        BillingDates.check("date", date);
        Optional<BillingCalendar> calendar = plans.calendar(merchantId);
        if (calendar.isEmpty()) {
            return Optional.empty();
        }
        Period pending = calendar.get().pendingAt(date);
        LedgerView view = LedgerView.read(ledger, List.of(merchantId), pending.begin());
        view.requireReadable(merchantId);
        return view.account(merchantId).map(account -> UnpaidList.of(calendar.get(), account.feeType(),
                Optional.of(account.name()), view.ordersOf(merchantId), date));
    }

    /**
     * The deadline ({@code settle_time}) of an order of the merchant dated {@code orderDate}.
     *
     * @throws io.settlekit.base.ValidationException naming the field: a missing or malformed merchant id (blank or
     *         longer than 64 characters) or a date outside 1900-01-01..2999-12-31
     * @throws io.settlekit.base.InfrastructureException when the plan store fails
     */
    public Optional<LocalDate> deadline(String merchantId, LocalDate orderDate) {
        return plans.calendar(merchantId).map(calendar -> calendar.deadline(orderDate));
    }

    /**
     * The bills of many merchants at {@code date}, in the order given, computed with three port reads
     * whatever the number of merchants (plans, accounts, orders; how each read reaches its store is the
     * adapter's choice: the MySQL adapters use one statement each). Merchants without a plan history or
     * unknown to the ledger are absent, and so are merchants whose ledger rows cannot be read (each logged
     * as a warning naming it).
     *
     * @throws io.settlekit.base.ValidationException naming the field: missing merchant ids, a missing or malformed
     *         merchant id (blank or longer than 64 characters) or a date outside 1900-01-01..2999-12-31
     * @throws io.settlekit.base.CurrencyMismatchException naming the order when one is in another currency than its
     *         merchant's
     * @throws io.settlekit.base.InfrastructureException when the plan store or the ledger fails
     */
    public Map<String, Bill> bills(Collection<String> merchantIds, LocalDate date) {
        return bills(merchantIds, date, false);
    }

    private Map<String, Bill> bills(Collection<String> merchantIds, LocalDate date, boolean alone) {
        BillingDates.check("date", date);
        List<String> merchants = new ArrayList<>(new LinkedHashSet<>(Checks.present("merchant_ids", merchantIds)));
        Map<String, Bill> bills = new LinkedHashMap<>();
        if (merchants.isEmpty()) {
            return bills;
        }
        Map<String, BillingCalendar> calendars = plans.calendars(merchants);
        if (calendars.isEmpty()) {
            return bills;
        }
        LocalDate since = date;
        for (BillingCalendar calendar : calendars.values()) {
            LocalDate begin = calendar.pendingAt(date).begin();
            since = begin.isBefore(since) ? begin : since;
        }
        LedgerView view = LedgerView.read(ledger, calendars.keySet(), since);
        for (String merchant : merchants) {
            BillingCalendar calendar = calendars.get(merchant);
            if (calendar == null) {
                continue;
            }
            Optional<String> unreadable = view.unreadable(merchant);
            if (unreadable.isPresent()) {
                if (alone) {
                    throw UnreadableLedgerException.of(merchant, unreadable.get());
                }
                LOG.warn("no bill for merchant {}: its ledger rows cannot be read: {}", merchant, unreadable.get());
                continue;
            }
            view.account(merchant).ifPresent(account ->
                    bills.put(merchant, Bill.of(calendar, account.feeType(), view.ordersOf(merchant), date)));
        }
        return bills;
    }
}
