package io.settlekit.billing.reminder.memory;

import io.settlekit.base.ProviderException;
import io.settlekit.billing.reminder.ReminderMessage;
import io.settlekit.billing.reminder.ReminderNotifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A notifier that keeps every message instead of sending it (the embedded default: nothing leaves the
 * process), and can be told to fail for some merchants, to show and test retries. Thread-safe.
 */
public final class InMemoryReminderNotifier implements ReminderNotifier {
    private final List<ReminderMessage> sent = new ArrayList<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    @Override
    public String send(ReminderMessage message) {
        if (failing.contains(message.key().merchantId())) {
            throw new ProviderException("in-memory", "Simulated.Failure", null,
                    "sends to merchant " + message.key().merchantId() + " are set to fail", null);
        }
        synchronized (sent) {
            sent.add(message);
            return "mem-" + sent.size();
        }
    }

    /** Every message sent so far, in order. */
    public List<ReminderMessage> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /** Makes sends to these merchants fail with a provider error until {@link #recover()}. */
    public void failFor(String... merchantIds) {
        failing.addAll(List.of(merchantIds));
    }

    /** Sends succeed again. */
    public void recover() {
        failing.clear();
    }
}
