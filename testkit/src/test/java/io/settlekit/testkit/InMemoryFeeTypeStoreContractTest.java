package io.settlekit.testkit;

import io.settlekit.money.FeeType;
import io.settlekit.money.memory.InMemoryFeeTypeStore;
import io.settlekit.money.FeeTypeStore;
import io.settlekit.testkit.contract.FeeTypeStoreContract;

import java.util.List;

/** The in-memory catalog passes the fee type store contract. */
class InMemoryFeeTypeStoreContractTest extends FeeTypeStoreContract {
    @Override
    protected FeeTypeStore storeWith(List<FeeType> feeTypes) {
        return new InMemoryFeeTypeStore(feeTypes);
    }
}
