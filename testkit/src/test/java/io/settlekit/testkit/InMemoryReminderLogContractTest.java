package io.settlekit.testkit;

import io.settlekit.settlement.memory.InMemoryReminderLog;
import io.settlekit.settlement.ReminderLog;
import io.settlekit.testkit.contract.ReminderLogContract;

/** The in-memory reminder log passes the reminder log contract. */
class InMemoryReminderLogContractTest extends ReminderLogContract {
    @Override
    protected ReminderLog newLog() {
        return new InMemoryReminderLog();
    }
}
