package io.settlekit.testkit;

import io.settlekit.balance.FinancialEventGroup;
import io.settlekit.balance.memory.InMemoryFinancialEventGroupSource;
import io.settlekit.balance.FinancialEventGroupSource;
import io.settlekit.testkit.contract.FinancialEventGroupSourceContract;

import java.util.List;

/** The in-memory source passes the financial event group source contract. */
class InMemoryFinancialEventGroupSourceContractTest extends FinancialEventGroupSourceContract {
    @Override
    protected FinancialEventGroupSource sourceOf(List<FinancialEventGroup> groups) {
        return new InMemoryFinancialEventGroupSource(groups);
    }
}
