package io.settlekit.balance;

/**
 * Progress and outcome hooks of the snapshot job, for the host's metrics and logs. No-op defaults; called
 * on the job's thread; must not throw.
 */
public interface SnapshotListener {
    /** A listener that does nothing. */
    SnapshotListener NONE = new SnapshotListener() {
    };

    /** A batch of documents was staged; {@code written} counts the run's documents so far. */
    default void batchWritten(SnapshotRun run, int batchSize, long written) {
    }

    /** The run finished: published, or superseded by a newer run of the day. */
    default void finished(SnapshotSummary summary, PublishOutcome outcome) {
    }
}
