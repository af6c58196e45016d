package io.settlekit.billing.memory;

import io.settlekit.internal.Checks;
import io.settlekit.billing.LedgerOrder;
import io.settlekit.billing.LedgerRows;
import io.settlekit.billing.MerchantAccount;
import io.settlekit.billing.MerchantIds;
import io.settlekit.billing.MerchantLedger;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A merchant ledger in memory, filled by the host (or a test, or the demo) with {@link #put(MerchantAccount)}
 * and {@link #record(String, LedgerOrder)}. Thread-safe.
 */
public final class InMemoryMerchantLedger implements MerchantLedger {
    private static final Comparator<LedgerOrder> BY_DATE_THEN_ID =
            Comparator.comparing(LedgerOrder::date).thenComparing(LedgerOrder::id);

    private final Map<String, MerchantAccount> accounts = new ConcurrentHashMap<>();
    private final Map<String, Map<String, LedgerOrder>> orders = new ConcurrentHashMap<>();

    /** Adds or replaces a merchant account. */
    public InMemoryMerchantLedger put(MerchantAccount account) {
        accounts.put(Checks.present("account", account).id(), account);
        return this;
    }

    /** Adds an order of a merchant, or replaces the one with the same id (a payment updates {@code paid}). */
    public InMemoryMerchantLedger record(String merchantId, LedgerOrder order) {
        orders.computeIfAbsent(MerchantIds.check("merchant_id", merchantId), m -> new ConcurrentHashMap<>())
                .put(Checks.present("order", order).id(), order);
        return this;
    }

    @Override
    public LedgerRows<MerchantAccount> accounts(Collection<String> merchantIds) {
        Map<String, MerchantAccount> found = new LinkedHashMap<>();
        for (String merchant : merchantIds) {
            MerchantAccount account = accounts.get(merchant);
            if (account != null) {
                found.put(merchant, account);
            }
        }
        return LedgerRows.of(found); // only valid accounts and orders can be put here
    }

    @Override
    public LedgerRows<List<LedgerOrder>> openOrders(Collection<String> merchantIds, LocalDate since) {
        Map<String, List<LedgerOrder>> found = new LinkedHashMap<>();
        for (String merchant : merchantIds) {
            List<LedgerOrder> open = orders.getOrDefault(merchant, Map.of()).values().stream()
                    .filter(order -> !order.date().isBefore(since) || order.isOpen())
                    .sorted(BY_DATE_THEN_ID)
                    .toList();
            if (!open.isEmpty()) {
                found.put(merchant, open);
            }
        }
        return LedgerRows.of(found);
    }
}
