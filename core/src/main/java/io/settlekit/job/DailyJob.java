package io.settlekit.job;

import java.time.Duration;
import java.time.LocalDate;

/**
 * A job that does one day's work: the unit {@link JobRunner} runs at most once at a time across every
 * instance of the service, and at most once per date unless forced.
 *
 * <p>This is the entry point any nightly job of the SDK (or of the host) plugs into. Implement
 * {@link #run(LocalDate)} so that running it again for the same date converges to the same state (the
 * runner's ledger skips finished dates, but a crash after the work and before the ledger write, or a
 * forced rerun, runs it again).
 *
 * <pre>{@code
 * JobResult<Report> result = kit.jobRunner().run(myJob, LocalDate.now(clock), RunMode.ONCE_PER_DATE);
 * }</pre>
 *
 * @param <R> what a run produces (a summary, a report)
 */
public interface DailyJob<R> {

    /** The job's name (see {@link JobNames}): the lock and ledger key. Stable across releases. */
    String name();

    /**
     * How long the lock is held at most if the instance running the job dies; after it, another instance
     * may take over. {@link JobRunner} extends the lock by this much every third of it while the job runs,
     * so it need not exceed the longest run: choose it well above a pause of the instance (a full GC, a
     * backend failing over), since a lock not extended in time may let another instance run the job too.
     */
    Duration lockAtMostFor();

    /** Does the work for {@code date}; throws the SDK's typed errors when it cannot. */
    R run(LocalDate date);

    /**
     * Whether {@code result} finishes the date. A result that does not (settlement files not delivered
     * yet, sends that failed) is returned to the caller but not recorded in the ledger, so a later run for
     * the same date runs the job again. Default: every result finishes the date.
     */
    default boolean finishes(R result) {
        return true;
    }

    /** A short description of a result for the ledger and the logs (default {@code toString()}). */
    default String describe(R result) {
        return String.valueOf(result);
    }
}
