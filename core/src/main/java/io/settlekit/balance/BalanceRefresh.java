package io.settlekit.balance;

import io.settlekit.internal.Checks;
import io.settlekit.access.Actor;
import io.settlekit.job.JobResult;
import io.settlekit.job.JobRunner;
import io.settlekit.job.RunMode;
import io.settlekit.refresh.RefreshDecision;
import io.settlekit.refresh.RefreshLimiter;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The refresh button of the store balance page as one use case: check the limit, take the job's lock, run
 * the snapshot for today, answer with the decision and, when it ran, the summary.
 *
 * <p>The snapshot goes through the same {@link JobRunner} and job name as the nightly run, forced (a
 * refresh redoes today even when the ledger has it), so a refresh never overlaps the nightly run or
 * another refresh on any instance. Errors of the snapshot itself (a missing rate, a database failure)
 * are thrown. Thread-safe.
 */
public final class BalanceRefresh {
    private final RefreshLimiter limiter;
    private final JobRunner runner;
    private final BalanceSnapshotJob job;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param limiter the refresh limit (action {@value RefreshLimiter#BALANCE_REFRESH})
     * @param runner  the job runner shared with the nightly schedule
     * @param job     the snapshot job
     * @param clock   the source of "now"
     * @param zone    the deployment zone (whose today is snapshotted)
     */
    public BalanceRefresh(RefreshLimiter limiter, JobRunner runner, BalanceSnapshotJob job, Clock clock, ZoneId zone) {
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.job = Objects.requireNonNull(job, "job");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Handles one press of the refresh button by {@code actor}. */
    public RefreshOutcome refresh(Actor actor) {
        Checks.present("actor", actor);
        Instant now = clock.instant();
        RefreshDecision decision = limiter.checkAt(actor, RefreshLimiter.BALANCE_REFRESH, now);
        if (!decision.allowed()) {
            return new RefreshOutcome(RefreshOutcome.Status.DENIED, decision, Optional.empty());
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        JobResult<SnapshotSummary> result = runner.run(job, today, RunMode.FORCE);
        return result.ran()
                ? new RefreshOutcome(RefreshOutcome.Status.REFRESHED, decision, result.result())
                : new RefreshOutcome(RefreshOutcome.Status.BUSY, decision, Optional.empty());
    }
}
