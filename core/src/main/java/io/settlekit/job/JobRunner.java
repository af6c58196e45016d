package io.settlekit.job;

import io.settlekit.internal.Checks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link DailyJob}s at most once at a time across every instance sharing the {@link JobLocks}, and at
 * most once per date across instances sharing the {@link JobLedger} unless {@link RunMode#FORCE forced}.
 *
 * <p>The one entry point every nightly job goes through, whether the host calls it from its own scheduler
 * (Quartz, Spring {@code @Scheduled}, cron, Kubernetes CronJob), from {@link DailyScheduler}, or from an
 * endpoint:
 * <ol>
 *   <li>{@code ONCE_PER_DATE} and the ledger has the date: {@link JobResult.Status#ALREADY_DONE};</li>
 *   <li>the lock is held elsewhere: {@link JobResult.Status#BUSY} (the caller does not wait);</li>
 *   <li>under the lock the ledger is read again (a run may have finished in between), the job runs, its
 *       completion is recorded and the lock released: {@link JobResult.Status#RAN}; while the job runs the
 *       lock is extended every third of its "at most" ({@link JobLease#extend}, on a daemon thread of the
 *       run), so a run longer than "at most" keeps it, and a dead instance's lock expires "at most" after
 *       its last extension;</li>
 *   <li>a result the job says does not finish the date ({@link DailyJob#finishes}) is returned without a
 *       ledger record: {@link JobResult.Status#RAN_UNFINISHED};</li>
 *   <li>a job that throws releases the lock, records nothing, and the error reaches the caller.</li>
 * </ol>
 * Thread-safe.
 */
public final class JobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final JobLocks locks;
    private final JobLedger ledger;
    private final Clock clock;
    private final JobListener listener;

    /**
     * @param locks    the cluster-wide locks
     * @param ledger   the finished dates
     * @param clock    the source of completion times
     * @param listener hooks for metrics and logs ({@link JobListener#NONE} for none)
     */
    public JobRunner(JobLocks locks, JobLedger ledger, Clock clock, JobListener listener) {
        this.locks = Objects.requireNonNull(locks, "locks");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Runs {@code job} for {@code date} as described above.
     *
     * @throws io.settlekit.base.ValidationException naming the field when the job, date or mode is missing, or the
     *         job's name or lock time is invalid
     * @throws io.settlekit.base.InfrastructureException when the lock or the ledger fails
     * @throws RuntimeException whatever the job throws, after the lock is released (nothing is recorded)
     */
    public <R> JobResult<R> run(DailyJob<R> job, LocalDate date, RunMode mode) {
        Checks.present("job", job);
        String name = JobNames.check(job.name());
        Checks.present("date", date);
        Checks.present("mode", mode);
        Duration atMost = Checks.positive("lock_at_most_for", job.lockAtMostFor());
        Optional<JobResult<R>> done = alreadyDone(name, date, mode);
        if (done.isPresent()) {
            return done.get();
        }
        Optional<JobLease> lease = locks.tryLock(name, atMost);
        if (lease.isEmpty()) {
            LOG.info("job {} for {} not run: another run holds the lock", name, date);
            listener.skipped(name, date, JobResult.Status.BUSY);
            return JobResult.busy(name, date);
        }
        try (JobLease held = lease.get(); LockKeepAlive alive = LockKeepAlive.start(held, atMost, date, listener)) {
            done = alreadyDone(name, date, mode);
            if (done.isPresent()) {
                return done.get();
            }
            return runLocked(job, name, date);
        }
    }

    private <R> JobResult<R> runLocked(DailyJob<R> job, String name, LocalDate date) {
        Instant start = clock.instant();
        listener.started(name, date);
        LOG.info("job {} for {} started", name, date);
        R result;
        try {
            result = job.run(date);
        } catch (RuntimeException e) {
            LOG.warn("job {} for {} failed: {}", name, date, e.toString());
            listener.failed(name, date, e);
            throw e;
        }
        Instant end = clock.instant();
        if (!job.finishes(result)) {
            LOG.info("job {} for {} ran without finishing the date: {}", name, date, job.describe(result));
            listener.unfinished(name, date, job.describe(result), Duration.between(start, end));
            return JobResult.ranUnfinished(name, date, result);
        }
        JobCompletion completion = new JobCompletion(name, date, end, job.describe(result));
        ledger.record(completion);
        Duration took = Duration.between(start, end);
        LOG.info("job {} for {} completed in {}: {}", name, date, took, completion.detail());
        listener.completed(completion, took);
        return JobResult.ran(name, date, result, completion);
    }

    private <R> Optional<JobResult<R>> alreadyDone(String name, LocalDate date, RunMode mode) {
        if (mode == RunMode.FORCE) {
            return Optional.empty();
        }
        return ledger.completion(name, date).map(completion -> {
            LOG.debug("job {} for {} already done at {}", name, date, completion.completedAt());
            listener.skipped(name, date, JobResult.Status.ALREADY_DONE);
            return JobResult.alreadyDone(completion);
        });
    }
}
