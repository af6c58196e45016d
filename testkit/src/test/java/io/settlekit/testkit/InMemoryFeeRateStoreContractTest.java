package io.settlekit.testkit;

import io.settlekit.money.memory.InMemoryFeeRateStore;
import io.settlekit.money.FeeRateStore;
import io.settlekit.testkit.contract.FeeRateStoreContract;

/** The in-memory rate history passes the rate store contract. */
class InMemoryFeeRateStoreContractTest extends FeeRateStoreContract {
    @Override
    protected FeeRateStore newStore() {
        return new InMemoryFeeRateStore();
    }
}
