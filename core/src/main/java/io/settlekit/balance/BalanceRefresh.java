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
 *
 * <p><b>A failed refresh gives its count back.</b> When the snapshot throws, the refresh the limit allowed
 * is given back ({@link RefreshLimiter#giveBack}) before the error reaches the caller, so the user may
 * press again that day. The race, by design: while a refresh runs it holds its count, so a second press
 * of the same user in that time is denied ("no refreshes left today") even if the running one then
 * fails; after the failure the user may press again. Hence a user never has more than {@code max}
 * refreshes running or done per day, and a press denied during a failing refresh is the one thing lost
 * (the user repeats it). A {@link RefreshOutcome.Status#BUSY} answer keeps its count: the run in progress
 * publishes the day's snapshot. If giving back fails too (the counters' backend is down), the count stays
 * used and that failure is attached to the snapshot's error as suppressed.
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

    /**
     * Handles one press of the refresh button by {@code actor}.
     *
     * @throws io.settlekit.base.ValidationException naming the field when the actor is missing or its id invalid
     *         (see {@link RefreshLimiter#checkAt})
     * @throws MissingRatesException when a currency of the open groups has no rate to CNY
     *         (nothing is written)
     * @throws io.settlekit.base.InfrastructureException when the counters, the job lock or ledger, the source or the
     *         snapshot store fail
     */
    public RefreshOutcome refresh(Actor actor) {
        Checks.present("actor", actor);
        Instant now = clock.instant();
        RefreshDecision decision = limiter.checkAt(actor, RefreshLimiter.BALANCE_REFRESH, now);
        if (!decision.allowed()) {
            return new RefreshOutcome(RefreshOutcome.Status.DENIED, decision, Optional.empty());
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        JobResult<SnapshotSummary> result;
        try {
            result = runner.run(job, today, RunMode.FORCE);
        } catch (RuntimeException failed) {
            try {
                limiter.giveBack(actor, RefreshLimiter.BALANCE_REFRESH, decision);
            } catch (RuntimeException giveBackFailed) {
                failed.addSuppressed(giveBackFailed);
            }
            throw failed;
        }
        return result.ran()
                ? new RefreshOutcome(RefreshOutcome.Status.REFRESHED, decision, result.result())
                : new RefreshOutcome(RefreshOutcome.Status.BUSY, decision, Optional.empty());
    }
}
