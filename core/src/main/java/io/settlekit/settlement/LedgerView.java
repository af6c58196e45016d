package io.settlekit.settlement;

import io.settlekit.settlement.port.MerchantLedger;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The accounts and open orders of a batch of merchants: two ledger queries for the whole batch. */
record LedgerView(Map<String, MerchantAccount> accounts, Map<String, List<LedgerOrder>> orders) {

    static LedgerView read(MerchantLedger ledger, Collection<String> merchantIds, LocalDate since) {
        return new LedgerView(ledger.accounts(merchantIds), ledger.openOrders(merchantIds, since));
    }

    Optional<MerchantAccount> account(String merchantId) {
        return Optional.ofNullable(accounts.get(merchantId));
    }

    List<LedgerOrder> ordersOf(String merchantId) {
        return orders.getOrDefault(merchantId, List.of());
    }
}
