package io.settlekit.balance;


import io.settlekit.base.Port;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where store balance snapshots are kept (MongoDB {@code financial_event_group} and
 * {@code financial_event_group_summary} in the seed).
 *
 * <p>The contract: a day has at most one published run; a rerun of the day replaces it as a whole
 * (never duplicates), and a reader never sees a mix of two runs, nor a summary that disagrees with its
 * documents, even while a rerun is writing.
 */
@Port
public interface BalanceSnapshotStore {

    /** Opens the staging area of a new run. */
    SnapshotWriter open(SnapshotRun run);

    /** The published summary of {@code loadDate}, if any. */
    Optional<SnapshotSummary> summary(LocalDate loadDate);

    /**
     * The published summary of {@code loadDate} with exactly its documents (ordered by {@code uuid}), read
     * consistently: never a mix of two runs, even while a rerun publishes.
     */
    Optional<SnapshotDay> day(LocalDate loadDate);

    /** The published summaries of the days {@code from}…{@code to} (inclusive), oldest first. */
    List<SnapshotSummary> summaries(LocalDate from, LocalDate to);
}
