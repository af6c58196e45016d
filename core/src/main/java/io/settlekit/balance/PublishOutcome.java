package io.settlekit.balance;

/** What publishing a staged snapshot run did. */
public enum PublishOutcome {
    /** The run is now the day's snapshot; older runs of the day are gone. */
    PUBLISHED,
    /** A run of the day that started later was published first; this run's documents were discarded. */
    SUPERSEDED
}
