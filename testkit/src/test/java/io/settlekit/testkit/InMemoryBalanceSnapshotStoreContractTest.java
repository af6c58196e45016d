package io.settlekit.testkit;

import io.settlekit.balance.memory.InMemoryBalanceSnapshotStore;
import io.settlekit.balance.BalanceSnapshotStore;
import io.settlekit.testkit.contract.BalanceSnapshotStoreContract;

/** The in-memory snapshot store passes the snapshot store contract. */
class InMemoryBalanceSnapshotStoreContractTest extends BalanceSnapshotStoreContract {
    @Override
    protected BalanceSnapshotStore newStore() {
        return new InMemoryBalanceSnapshotStore();
    }
}
