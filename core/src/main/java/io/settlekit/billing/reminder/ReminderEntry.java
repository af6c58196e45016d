package io.settlekit.billing.reminder;

import io.settlekit.internal.Checks;
import io.settlekit.money.Amount;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * One entry of the reminder log.
 *
 * @param key       merchant, period and reminder date
 * @param status    claimed, sent, failed or unknown
 * @param attempts  how many times the send was claimed (1 for the first try)
 * @param amountDue the amount the message announced
 * @param detail    the provider's reference when sent, the reason when failed
 * @param updatedAt when the entry last changed, to the second
 */
public record ReminderEntry(ReminderKey key, ReminderStatus status, int attempts, Amount amountDue,
                            Optional<String> detail, Instant updatedAt) {
    /** Validates every field. */
    public ReminderEntry {
        Checks.present("key", key);
        Checks.present("status", status);
        Checks.inRange("attempts", attempts, 1, Integer.MAX_VALUE);
        Checks.present("amount_due", amountDue);
        Checks.present("detail", detail);
        updatedAt = Checks.present("updated_at", updatedAt).truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Whether {@code other} is the same version of the same entry: same key, status, attempts and update
     * time. {@link ReminderLog#replace} compares this (not the detail, which a store may cut, nor the
     * amount). Under {@link ReminderTransitions} a (status, attempts) pair never comes back once left, so
     * this identifies one state of the entry's history.
     */
    public boolean sameVersion(ReminderEntry other) {
        return other != null && key.equals(other.key) && status == other.status && attempts == other.attempts
                && updatedAt.equals(other.updatedAt);
    }
}
