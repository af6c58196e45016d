package io.settlekit.job;

import java.time.Duration;
import java.time.LocalDate;

/**
 * Hooks for the host's metrics and logs around job runs. Every method has a no-op default; methods are
 * called on the thread running the job (except {@link #lockLost}) and must not throw.
 */
public interface JobListener {
    /** A listener that does nothing. */
    JobListener NONE = new JobListener() {
    };

    /** The lock was taken and the job is starting. */
    default void started(String job, LocalDate date) {
    }

    /** The job finished and its completion was recorded. */
    default void completed(JobCompletion completion, Duration took) {
    }

    /** The job ran but its result leaves the date open; nothing was recorded ({@link DailyJob#finishes}). */
    default void unfinished(String job, LocalDate date, String detail, Duration took) {
    }

    /** Nothing ran: the date was done already or another run held the lock. */
    default void skipped(String job, LocalDate date, JobResult.Status why) {
    }

    /**
     * The job's lock could not be kept alive while it runs (it expired, or another instance took it): another
     * instance may run the job now. Called on the runner's keep-alive thread.
     */
    default void lockLost(String job, LocalDate date) {
    }

    /** The job threw; the lock is released and no completion is recorded. */
    default void failed(String job, LocalDate date, RuntimeException error) {
    }
}
