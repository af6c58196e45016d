package io.settlekit.billing.reminder;

import io.settlekit.internal.Checks;
import io.settlekit.money.Amount;

import java.util.Optional;

/**
 * What the reminder job did for one merchant due a reminder.
 *
 * @param key       merchant, period and reminder date
 * @param result    sent, confirmed, skipped, failed or unconfirmed
 * @param amountDue the amount owed, when it could be computed
 * @param detail    the provider's reference when sent or confirmed, why when skipped, failed or unconfirmed
 * @param staleClaim whether this run took over a claim whose lease had run out (its claimer died between
 *                  the claim and recording the outcome): the result says how it was settled (confirmed
 *                  delivered, sent again after "not delivered", unconfirmed for an operator)
 */
public record ReminderOutcome(ReminderKey key, Result result, Optional<Amount> amountDue, String detail, boolean staleClaim) {
    /** The kinds of outcome. */
    public enum Result {
        /** The message went out in this run. */
        SENT,
        /** Another run (a rerun, another node) already claimed or sent it, or its attempts are used up. */
        SKIPPED,
        /** It could not be sent (provider error, no contact, ledger problem); retried on the next run. */
        FAILED,
        /**
         * The outcome of the send is unknown (the request went out, no answer came), in this run or still
         * after asking the notifier: recorded {@link ReminderStatus#UNKNOWN}, never resent automatically
         * until the notifier says it was not delivered; an operator may decide.
         */
        UNCONFIRMED,
        /**
         * An earlier send whose outcome was unknown was confirmed delivered by the notifier: recorded as
         * sent, no new message.
         */
        CONFIRMED
    }

    /** Validates every field. */
    public ReminderOutcome {
        Checks.present("key", key);
        Checks.present("result", result);
        Checks.present("amount_due", amountDue);
        detail = Checks.present("detail", detail);
    }

    /** An outcome that took over no stale claim. */
    public ReminderOutcome(ReminderKey key, Result result, Optional<Amount> amountDue, String detail) {
        this(key, result, amountDue, detail, false);
    }
}
