package io.settlekit.testkit;

import io.settlekit.billing.reminder.memory.InMemoryReminderLog;
import io.settlekit.billing.reminder.ReminderLog;
import io.settlekit.testkit.contract.ReminderLogContract;

/** The in-memory reminder log passes the reminder log contract. */
class InMemoryReminderLogContractTest extends ReminderLogContract {
    @Override
    protected ReminderLog newLog() {
        return new InMemoryReminderLog();
    }
}
