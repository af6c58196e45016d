package io.settlekit.testkit;

import io.settlekit.billing.LedgerOrder;
import io.settlekit.billing.MerchantAccount;
import io.settlekit.billing.memory.InMemoryMerchantLedger;
import io.settlekit.billing.MerchantLedger;
import io.settlekit.testkit.contract.MerchantLedgerContract;

import java.util.List;
import java.util.Map;

/** The in-memory ledger passes the merchant ledger contract. */
class InMemoryMerchantLedgerContractTest extends MerchantLedgerContract {
    @Override
    protected MerchantLedger ledgerWith(List<MerchantAccount> accounts, Map<String, List<LedgerOrder>> orders) {
        InMemoryMerchantLedger ledger = new InMemoryMerchantLedger();
        accounts.forEach(ledger::put);
        orders.forEach((merchant, list) -> list.forEach(order -> ledger.record(merchant, order)));
        return ledger;
    }
}
