package io.settlekit.testkit;

import io.settlekit.job.memory.InMemoryJobLedger;
import io.settlekit.job.JobLedger;
import io.settlekit.testkit.contract.JobLedgerContract;

/** The in-memory ledger passes the job ledger contract. */
class InMemoryJobLedgerContractTest extends JobLedgerContract {
    private final InMemoryJobLedger shared = new InMemoryJobLedger();

    @Override
    protected JobLedger newLedger() {
        return shared;
    }
}
