package io.settlekit.reconcile;

import io.settlekit.internal.Checks;
import io.settlekit.job.DailyJob;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The daily reconciliation of one (channel, site) as a {@link DailyJob}, for
 * {@link io.settlekit.job.JobRunner}: named {@code reconcile-<channel>-site<id>}, it finishes its date only
 * when the report was published. Files not delivered yet, a malformed file or a failing store leave the
 * date open, so a later run the same day tries again.
 *
 * <p>Thread-safe when its reconciliation is: final fields only; the job lock keeps two nodes from running the same day.
 */
public final class ReconciliationJob implements DailyJob<ReconcileOutcome> {
    /** How long a dead instance holds the lock: well above a million-line file's reconciliation. */
    public static final Duration LOCK_AT_MOST_FOR = Duration.ofHours(1);

    private final DailyReconciliation reconciliation;
    private final Channel channel;
    private final Site site;

    ReconciliationJob(DailyReconciliation reconciliation, Channel channel, Site site) {
        this.reconciliation = Objects.requireNonNull(reconciliation, "reconciliation");
        this.channel = Checks.present("channel", channel);
        this.site = Checks.present("site", site);
    }

    @Override
    public String name() {
        return "reconcile-" + channel.code() + "-site" + site.id();
    }

    @Override
    public Duration lockAtMostFor() {
        return LOCK_AT_MOST_FOR;
    }

    @Override
    public ReconcileOutcome run(LocalDate date) {
        return reconciliation.run(channel, site, date);
    }

    @Override
    public boolean finishes(ReconcileOutcome outcome) {
        return outcome instanceof ReconcileOutcome.Completed;
    }

    @Override
    public String describe(ReconcileOutcome outcome) {
        return outcome.status();
    }
}
