package io.settlekit.testkit;

import io.settlekit.billing.reminder.memory.InMemoryReminderNotifier;
import io.settlekit.billing.reminder.ReminderNotifier;
import io.settlekit.testkit.contract.ReminderNotifierContract;

/** The in-memory notifier passes the reminder notifier contract. */
class InMemoryReminderNotifierContractTest extends ReminderNotifierContract {
    private InMemoryReminderNotifier notifier;

    @Override
    protected ReminderNotifier newNotifier() {
        notifier = new InMemoryReminderNotifier();
        return notifier;
    }

    @Override
    protected int deliveries() {
        return notifier.sent().size();
    }

    @Override
    protected void failChannel() {
        notifier.failFor("1001", "1002");
    }
}
