package io.settlekit.settlement;

/** The state of a reminder log entry. */
public enum ReminderStatus {
    /** A run claimed the send and has not recorded its outcome yet (or crashed before it could). */
    CLAIMED,
    /** The message went out. */
    SENT,
    /** The send failed; the next run retries it while attempts remain and the period is still pending. */
    FAILED
}
