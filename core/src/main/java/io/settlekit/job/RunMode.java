package io.settlekit.job;

/** Whether a run may redo a date that the ledger already records as done. */
public enum RunMode {
    /** Skip the date when it is already done (the nightly schedule). */
    ONCE_PER_DATE,
    /** Run even when the date is done, e.g. the on-demand refresh; still never in parallel with itself. */
    FORCE
}
