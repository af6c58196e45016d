package io.settlekit.balance;


import io.settlekit.base.Port;
import java.util.List;

/**
 * The staging area of one snapshot run: documents written here are invisible to readers until
 * {@link #publish(SnapshotSummary)} makes the run the day's snapshot in one atomic step. Closing an
 * unpublished writer discards what it staged. A run that dies without closing its writer leaves its staged
 * documents to the store: a store that keeps them outside the writer deletes them when a later run (of any
 * day) opens, once they are old enough to be a dead run's, and refuses to publish a run whose staged
 * documents were so removed. Used by one thread.
 */
@Port
public interface SnapshotWriter extends AutoCloseable {

    /** Stages a batch of the run's documents (all of the run's day). */
    void write(List<BalanceSnapshot> batch);

    /**
     * Publishes the run: atomically makes {@code summary} (which must describe exactly what was staged)
     * the day's summary, unless the day's published run started strictly later, then removes the
     * documents of the runs it replaced.
     */
    PublishOutcome publish(SnapshotSummary summary);

    /** Discards the staged documents unless the run was published. Never throws for a published run. */
    @Override
    void close();
}
