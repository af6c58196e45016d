package io.settlekit.billing.reminder;

/**
 * Hears what the reminder job does, for the host's metrics or logs. Every method has a no-op default;
 * implementations must be fast and must not throw.
 */
public interface ReminderJobListener {
    /** A listener that does nothing. */
    ReminderJobListener NONE = new ReminderJobListener() {
    };

    /** One due merchant was handled. */
    default void onOutcome(ReminderOutcome outcome) {
    }

    /** A run finished. */
    default void onFinished(ReminderRunReport report) {
    }
}
