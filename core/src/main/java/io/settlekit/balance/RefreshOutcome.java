package io.settlekit.balance;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;
import io.settlekit.refresh.RefreshDecision;

import java.util.Optional;

/**
 * The answer of the refresh button ({@link BalanceRefresh}): the limit's decision and, when a snapshot
 * ran, its summary.
 *
 * @param status   what happened
 * @param decision the refresh limit's decision (allowed or denied, remaining, resets at)
 * @param summary  the new summary when {@link Status#REFRESHED}, empty otherwise
 */
public record RefreshOutcome(Status status, RefreshDecision decision, Optional<SnapshotSummary> summary) {

    /** What the refresh did. */
    public enum Status {
        /** The limit allowed it and a snapshot ran. */
        REFRESHED,
        /** The limit denied it ("no refreshes left today"); nothing ran. */
        DENIED,
        /**
         * The limit allowed it (and counted it) but a snapshot was already being taken by another
         * request or the nightly run; that run's result will be the day's snapshot.
         */
        BUSY
    }

    /** Validates that the fields agree. */
    public RefreshOutcome {
        Checks.present("status", status);
        Checks.present("decision", decision);
        Checks.present("summary", summary);
        if ((status == Status.REFRESHED) != summary.isPresent()) {
            throw ValidationException.invalid("summary", summary.isPresent(), "is present exactly when the status is REFRESHED");
        }
        if ((status == Status.DENIED) == decision.allowed()) {
            throw ValidationException.invalid("status", status, "must be DENIED exactly when the decision denies");
        }
    }
}
