package io.settlekit.testkit;

import io.settlekit.reconcile.ProviderAccount;
import io.settlekit.reconcile.memory.InMemorySettlementFiles;
import io.settlekit.reconcile.SettlementFiles;
import io.settlekit.testkit.contract.SettlementFilesContract;

import java.util.Map;

/** The in-memory settlement files pass the contract. */
class InMemorySettlementFilesContractTest extends SettlementFilesContract {
    @Override
    protected SettlementFiles filesWith(Map<ProviderAccount, Map<String, byte[]>> files) {
        InMemorySettlementFiles store = new InMemorySettlementFiles();
        files.forEach((account, named) -> named.forEach((name, content) -> store.put(account, name, content)));
        return store;
    }
}
