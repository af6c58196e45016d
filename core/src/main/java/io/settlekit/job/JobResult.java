package io.settlekit.job;

import io.settlekit.internal.Checks;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What {@link JobRunner#run(DailyJob, LocalDate, RunMode)} did: a value, never an exception (failures of
 * the job itself are thrown).
 *
 * @param status     what happened
 * @param job        the job's name
 * @param date       the date asked for
 * @param result     the run's result, when it ran
 * @param completion the ledger record: the new one when it ran, the earlier one when already done
 * @param <R>        the job's result type
 */
public record JobResult<R>(Status status, String job, LocalDate date, Optional<R> result, Optional<JobCompletion> completion) {

    /** The outcomes of a request to run a job. */
    public enum Status {
        /** The job ran and finished for the date. */
        RAN,
        /** The job ran but its result leaves the date open ({@link DailyJob#finishes}); a later run runs it again. */
        RAN_UNFINISHED,
        /** The ledger already records the date as done; nothing ran. */
        ALREADY_DONE,
        /** Another run of the job holds the lock (on this or another instance); nothing ran. */
        BUSY
    }

    /** Validates the fields. */
    public JobResult {
        Checks.present("status", status);
        JobNames.check(job);
        Checks.present("date", date);
        Checks.present("result", result);
        Checks.present("completion", completion);
    }

    static <R> JobResult<R> ran(String job, LocalDate date, R result, JobCompletion completion) {
        return new JobResult<>(Status.RAN, job, date, Optional.of(result), Optional.of(completion));
    }

    static <R> JobResult<R> ranUnfinished(String job, LocalDate date, R result) {
        return new JobResult<>(Status.RAN_UNFINISHED, job, date, Optional.of(result), Optional.empty());
    }

    static <R> JobResult<R> alreadyDone(JobCompletion completion) {
        return new JobResult<>(Status.ALREADY_DONE, completion.job(), completion.date(), Optional.empty(), Optional.of(completion));
    }

    static <R> JobResult<R> busy(String job, LocalDate date) {
        return new JobResult<>(Status.BUSY, job, date, Optional.empty(), Optional.empty());
    }

    /** Whether the job ran (finishing the date or not). */
    public boolean ran() {
        return status == Status.RAN || status == Status.RAN_UNFINISHED;
    }
}
