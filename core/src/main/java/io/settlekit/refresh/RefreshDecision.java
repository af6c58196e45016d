package io.settlekit.refresh;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;

import java.time.ZonedDateTime;

/**
 * The answer to a refresh request (rule R8.2 of docs/rules.md): a value, never an exception.
 *
 * @param allowed   whether this refresh may run
 * @param remaining how many more refreshes the user has today after this one (0 when denied); for an
 *                  admin, who is never counted, the configured maximum
 * @param resetsAt  when the day's count resets: 23:59:59.999 in the deployment zone of the day the
 *                  counters counted on (on Redis, the server's day, which may differ from this node's
 *                  within the last moments of a day)
 * @param admin     whether the answer was given to an admin, who bypasses the count
 */
public record RefreshDecision(boolean allowed, int remaining, ZonedDateTime resetsAt, boolean admin) {

    /** What a denied answer says to the user. */
    public static final String DENIED_MESSAGE = "no refreshes left today";

    /** Validates the fields. */
    public RefreshDecision {
        if (remaining < 0) {
            throw ValidationException.invalid("remaining", remaining, "must not be negative");
        }
        Checks.present("resets_at", resetsAt);
        if (!allowed && remaining != 0) {
            throw ValidationException.invalid("remaining", remaining, "must be 0 when the refresh is denied");
        }
    }

    /** A message for the user: {@value #DENIED_MESSAGE} when denied, else how many remain. */
    public String message() {
        if (!allowed) {
            return DENIED_MESSAGE;
        }
        return admin ? "admins are not limited" : remaining + " refreshes left today";
    }
}
