package io.settlekit.testkit;

import io.settlekit.settlement.LedgerOrder;
import io.settlekit.settlement.MerchantAccount;
import io.settlekit.settlement.memory.InMemoryMerchantLedger;
import io.settlekit.settlement.MerchantLedger;
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
