package io.settlekit.testkit;

import io.settlekit.job.memory.InMemoryJobLocks;
import io.settlekit.job.JobLocks;
import io.settlekit.testkit.contract.JobLocksContract;

import java.time.Clock;

/** The in-memory job locks pass the job lock contract (one JVM: every client shares one instance). */
class InMemoryJobLocksContractTest extends JobLocksContract {
    private final InMemoryJobLocks shared = new InMemoryJobLocks(Clock.systemUTC());

    @Override
    protected JobLocks newLocks() {
        return shared;
    }
}
