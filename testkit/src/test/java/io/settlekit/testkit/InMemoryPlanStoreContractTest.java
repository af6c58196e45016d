package io.settlekit.testkit;

import io.settlekit.billing.memory.InMemoryPlanStore;
import io.settlekit.billing.PlanStore;
import io.settlekit.testkit.contract.PlanStoreContract;

/** The in-memory plan histories pass the plan store contract. */
class InMemoryPlanStoreContractTest extends PlanStoreContract {
    @Override
    protected PlanStore newStore() {
        return new InMemoryPlanStore();
    }
}
