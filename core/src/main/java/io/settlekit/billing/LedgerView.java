package io.settlekit.billing;


import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The accounts and open orders of a batch of merchants: two ledger queries for the whole batch. A merchant
 * whose account or any of whose orders could not be read is {@linkplain #unreadable(String) unreadable}:
 * it gets no bill and no reminder (a bill from part of its orders would be wrong money).
 */
public record LedgerView(LedgerRows<MerchantAccount> accounts, LedgerRows<List<LedgerOrder>> orders) {

    /** Reads the accounts and open orders of {@code merchantIds} since {@code since}: two port reads. */
    public static LedgerView read(MerchantLedger ledger, Collection<String> merchantIds, LocalDate since) {
        return new LedgerView(ledger.accounts(merchantIds), ledger.openOrders(merchantIds, since));
    }

    /** The merchant's account, if found and readable. */
    public Optional<MerchantAccount> account(String merchantId) {
        return accounts.get(merchantId);
    }

    /** The merchant's open orders (empty when it has none or they are unreadable). */
    public List<LedgerOrder> ordersOf(String merchantId) {
        return orders.get(merchantId).orElse(List.of());
    }

    /** Why the merchant's ledger rows could not be read, if they could not (account first, then orders). */
    public Optional<String> unreadable(String merchantId) {
        return accounts.unreadable(merchantId).map(reason -> "account: " + reason)
                .or(() -> orders.unreadable(merchantId).map(reason -> "orders: " + reason));
    }

    /** Throws, naming the merchant, when its rows could not be read. */
    public void requireReadable(String merchantId) {
        unreadable(merchantId).ifPresent(reason -> {
            throw UnreadableLedgerException.of(merchantId, reason);
        });
    }
}
