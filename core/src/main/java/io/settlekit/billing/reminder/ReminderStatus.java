package io.settlekit.billing.reminder;

/** The state of a reminder log entry. */
public enum ReminderStatus {
    /**
     * A run claimed the send and has not recorded its outcome yet (or crashed before it could). Past the
     * job's claim lease a later run takes it over as {@link #UNKNOWN} and checks it with the notifier.
     */
    CLAIMED,
    /** The message went out. */
    SENT,
    /** The send failed; the next run retries it while attempts remain and the period is still pending. */
    FAILED,
    /**
     * The request went out but no answer came (a read timeout): the message may have been delivered. The
     * next run asks the notifier ({@link io.settlekit.billing.reminder.ReminderNotifier#check}) and records it
     * SENT (delivered) or FAILED (not delivered, then retried); while the notifier cannot tell, it stays so
     * and is never resent automatically. Seven characters: fits the log's {@code status} column.
     */
    UNKNOWN
}
