package io.settlekit.testkit;

import io.settlekit.refresh.memory.InMemoryDailyCounters;
import io.settlekit.refresh.DailyCounters;
import io.settlekit.testkit.contract.DailyCountersContract;

/** The in-memory day counters pass the counters contract (one JVM: every client shares one instance). */
class InMemoryDailyCountersContractTest extends DailyCountersContract {
    private final InMemoryDailyCounters shared = new InMemoryDailyCounters();

    @Override
    protected DailyCounters newCounters() {
        return shared;
    }
}
