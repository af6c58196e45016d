package io.settlekit.settlement.memory;

import io.settlekit.internal.Checks;
import io.settlekit.money.Amount;
import io.settlekit.settlement.ReminderEntry;
import io.settlekit.settlement.ReminderKey;
import io.settlekit.settlement.ReminderStatus;
import io.settlekit.settlement.ReminderLog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The reminder log in memory; claims are atomic per key ({@link ConcurrentMap#compute}), so concurrent
 * jobs in one JVM never send twice. Thread-safe.
 */
public final class InMemoryReminderLog implements ReminderLog {
    private static final Comparator<ReminderEntry> ORDER = Comparator
            .comparing((ReminderEntry e) -> e.key().reminderDate())
            .thenComparing(e -> e.key().merchantId())
            .thenComparing(e -> e.key().periodBegin());

    private final ConcurrentMap<ReminderKey, ReminderEntry> entries = new ConcurrentHashMap<>();

    @Override
    public boolean claim(ReminderKey key, Amount amountDue, int maxAttempts, Instant at) {
        Checks.present("key", key);
        Checks.present("amount_due", amountDue);
        boolean[] claimed = {false};
        entries.compute(key, (k, existing) -> {
            if (existing == null) {
                claimed[0] = true;
                return new ReminderEntry(k, ReminderStatus.CLAIMED, 1, amountDue, Optional.empty(), at);
            }
            if (existing.status() == ReminderStatus.FAILED && existing.attempts() < maxAttempts) {
                claimed[0] = true;
                return new ReminderEntry(k, ReminderStatus.CLAIMED, existing.attempts() + 1, amountDue, Optional.empty(), at);
            }
            return existing;
        });
        return claimed[0];
    }

    @Override
    public void markSent(ReminderKey key, String providerReference, Instant at) {
        finish(key, ReminderStatus.SENT, providerReference, at);
    }

    @Override
    public void markFailed(ReminderKey key, String reason, Instant at) {
        finish(key, ReminderStatus.FAILED, reason, at);
    }

    @Override
    public void markUnknown(ReminderKey key, String reason, Instant at) {
        finish(key, ReminderStatus.UNKNOWN, reason, at);
    }

    @Override
    public boolean resolveUnknown(ReminderKey key, ReminderStatus outcome, String detail, Instant at) {
        checkResolution(outcome);
        boolean[] changed = {false};
        entries.computeIfPresent(key, (k, existing) -> {
            if (existing.status() != ReminderStatus.UNKNOWN) {
                return existing;
            }
            changed[0] = true;
            return new ReminderEntry(k, outcome, existing.attempts(), existing.amountDue(), Optional.of(detail), at);
        });
        return changed[0];
    }

    @Override
    public boolean expireClaim(ReminderKey key, Instant claimedBefore, String reason, Instant at) {
        Checks.present("claimed_before", claimedBefore);
        boolean[] changed = {false};
        entries.computeIfPresent(key, (k, existing) -> {
            if (existing.status() != ReminderStatus.CLAIMED || !existing.updatedAt().isBefore(claimedBefore)) {
                return existing;
            }
            changed[0] = true;
            return new ReminderEntry(k, ReminderStatus.UNKNOWN, existing.attempts(), existing.amountDue(), Optional.of(reason), at);
        });
        return changed[0];
    }

    /** Checks that an unknown send is settled as sent or failed. */
    private static void checkResolution(ReminderStatus outcome) {
        if (outcome != ReminderStatus.SENT && outcome != ReminderStatus.FAILED) {
            throw io.settlekit.base.ValidationException.invalid("outcome", String.valueOf(outcome), "must be SENT or FAILED");
        }
    }

    @Override
    public Optional<ReminderEntry> find(ReminderKey key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public List<ReminderEntry> entriesBetween(LocalDate from, LocalDate to) {
        return entries.values().stream()
                .filter(e -> !e.key().reminderDate().isBefore(from) && !e.key().reminderDate().isAfter(to))
                .sorted(ORDER)
                .toList();
    }

    private void finish(ReminderKey key, ReminderStatus status, String detail, Instant at) {
        entries.computeIfPresent(key, (k, existing) -> existing.status() != ReminderStatus.CLAIMED ? existing
                : new ReminderEntry(k, status, existing.attempts(), existing.amountDue(), Optional.of(detail), at));
    }
}
