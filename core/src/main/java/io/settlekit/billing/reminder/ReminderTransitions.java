package io.settlekit.billing.reminder;

import io.settlekit.base.ValidationException;
import io.settlekit.internal.Checks;
import io.settlekit.money.Amount;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reminder log's status rules, once for every store (rules R6.7 and R6.8 of docs/rules.md): which changes
 * of a {@link ReminderEntry} are legal, and with what fields. The static methods decide (the next entry,
 * or empty when the change is not legal from the current one); the instance methods apply a decision to a
 * {@link ReminderLog} with its atomic steps, so that of any number of concurrent callers (threads, nodes)
 * at most one wins each change.
 *
 * <pre>
 *   (none) ──claim──▶ CLAIMED(1)
 *   FAILED(n), n &lt; max ──claim──▶ CLAIMED(n+1)
 *   CLAIMED(n) ──settle──▶ SENT(n) | FAILED(n) | UNKNOWN(n)
 *   CLAIMED(n) since before the lease bound ──expire──▶ UNKNOWN(n)
 *   UNKNOWN(n) ──resolve──▶ SENT(n) | FAILED(n)
 * </pre>
 *
 * Attempts only grow and, within one attempt, the status only moves forward (CLAIMED, then UNKNOWN, then
 * SENT or FAILED), so a (status, attempts) pair never comes back: the compare-and-set of
 * {@link ReminderLog#replace} on that version cannot be fooled by an entry that left a state and returned.
 *
 * <p>Thread-safe when its log is: no mutable state; a race between two writers is settled by the log's compare-and-set
 * and retried.
 */
public final class ReminderTransitions {
    /**
     * How many lost races a change retries (re-reading the entry each time). Each lost race means another
     * caller moved the entry on, and its history is short, so a correct store never reaches this; if it is
     * reached the change is given up as lost, which never sends twice.
     */
    private static final int MAX_RACES = 16;

    private final ReminderLog log;

    /** The rules applied to {@code log}. */
    public ReminderTransitions(ReminderLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    // ---- the rules ----

    /**
     * A claim of the send of {@code key}: legal when there is no entry (CLAIMED, attempt 1) or the entry is
     * FAILED with fewer than {@code maxAttempts} attempts (CLAIMED, one more attempt, the new amount due).
     *
     * @throws ValidationException naming the field when an argument is missing or {@code max_attempts} is below 1
     */
    public static Optional<ReminderEntry> claimed(Optional<ReminderEntry> current, ReminderKey key, Amount amountDue,
                                                  int maxAttempts, Instant at) {
        Checks.present("current", current);
        Checks.present("key", key);
        Checks.present("amount_due", amountDue);
        Checks.inRange("max_attempts", maxAttempts, 1, Integer.MAX_VALUE);
        Checks.present("at", at);
        if (current.isEmpty()) {
            return Optional.of(new ReminderEntry(key, ReminderStatus.CLAIMED, 1, amountDue, Optional.empty(), at));
        }
        ReminderEntry entry = sameKey(key, current.get());
        if (entry.status() == ReminderStatus.FAILED && entry.attempts() < maxAttempts) {
            return Optional.of(new ReminderEntry(key, ReminderStatus.CLAIMED, entry.attempts() + 1, amountDue, Optional.empty(), at));
        }
        return Optional.empty();
    }

    /**
     * The outcome of a claimed send: legal from CLAIMED only, to SENT (detail: the provider's reference),
     * FAILED or UNKNOWN (detail: why), keeping the attempts and the amount.
     *
     * @throws ValidationException naming {@code outcome} when it is not SENT, FAILED or UNKNOWN
     */
    public static Optional<ReminderEntry> settled(ReminderEntry current, ReminderStatus outcome, String detail, Instant at) {
        Checks.present("current", current);
        if (outcome != ReminderStatus.SENT && outcome != ReminderStatus.FAILED && outcome != ReminderStatus.UNKNOWN) {
            throw ValidationException.invalid("outcome", String.valueOf(outcome), "must be SENT, FAILED or UNKNOWN");
        }
        return current.status() != ReminderStatus.CLAIMED ? Optional.empty() : Optional.of(moved(current, outcome, detail, at));
    }

    /**
     * The settling of a send of unknown outcome: legal from UNKNOWN only, to SENT (detail: the provider's
     * reference) or FAILED (detail: why; retried while attempts remain), keeping the attempts.
     *
     * @throws ValidationException naming {@code outcome} when it is not SENT or FAILED
     */
    public static Optional<ReminderEntry> resolved(ReminderEntry current, ReminderStatus outcome, String detail, Instant at) {
        Checks.present("current", current);
        if (outcome != ReminderStatus.SENT && outcome != ReminderStatus.FAILED) {
            throw ValidationException.invalid("outcome", String.valueOf(outcome), "must be SENT or FAILED");
        }
        return current.status() != ReminderStatus.UNKNOWN ? Optional.empty() : Optional.of(moved(current, outcome, detail, at));
    }

    /**
     * The takeover of a claim past its lease: legal from CLAIMED only, when it was claimed strictly before
     * {@code claimedBefore}; it becomes UNKNOWN with {@code reason}, keeping its attempts, to be settled like
     * any send of unknown outcome (never resent without the notifier's word).
     *
     * @param claimedBefore claims older than this are stale (now minus the lease)
     */
    public static Optional<ReminderEntry> expired(ReminderEntry current, Instant claimedBefore, String reason, Instant at) {
        Checks.present("current", current);
        Checks.present("claimed_before", claimedBefore);
        if (current.status() != ReminderStatus.CLAIMED || !current.updatedAt().isBefore(claimedBefore)) {
            return Optional.empty();
        }
        return Optional.of(moved(current, ReminderStatus.UNKNOWN, reason, at));
    }

    // ---- the rules applied to the log ----

    /**
     * Claims the send of {@code key} ({@link #claimed}): only the caller that gets the claimed entry back
     * sends. Of any number of concurrent callers, at most one gets it.
     *
     * @return the claimed entry as stored, to record the outcome against; empty when the send is not this
     *         caller's (claimed or sent by another, unknown, or out of attempts)
     */
    public Optional<ReminderEntry> claim(ReminderKey key, Amount amountDue, int maxAttempts, Instant at) {
        Checks.present("key", key);
        return apply(key, log.find(key), true, current -> claimed(current, key, amountDue, maxAttempts, at));
    }

    /**
     * Claims the send of {@code key} like {@link #claim(ReminderKey, Amount, int, Instant)}, deciding first on
     * {@code lastRead}, the entry as the caller last read it (e.g. in a {@link ReminderLog#entriesBetween}
     * scan; empty when there was none), which saves a read per claim: one statement for a new key. A stale
     * {@code lastRead} only costs a lost race or, when it refuses, a fresh read, on which the claim is
     * decided again: the answer is always the store's current one.
     */
    public Optional<ReminderEntry> claim(Optional<ReminderEntry> lastRead, ReminderKey key, Amount amountDue, int maxAttempts, Instant at) {
        Checks.present("key", key);
        Checks.present("last_read", lastRead);
        return apply(key, lastRead, false, current -> claimed(current, key, amountDue, maxAttempts, at));
    }

    /**
     * Records the outcome of this caller's claim ({@link #settled}), only if the claim is still as this
     * caller stored it: a claim taken over meanwhile (its lease ran out) is left to its new owner.
     *
     * @param claim the entry {@link #claim} returned
     * @return whether it was recorded
     */
    public boolean settle(ReminderEntry claim, ReminderStatus outcome, String detail, Instant at) {
        Optional<ReminderEntry> next = settled(claim, outcome, detail, at);
        return next.isPresent() && log.replace(claim, next.get());
    }

    /**
     * Settles the send of unknown outcome {@code unknown} as read ({@link #resolved}), only if it is still
     * that version: of concurrent callers at most one succeeds.
     *
     * @return the entry now settled, as stored; empty when another caller changed it first
     */
    public Optional<ReminderEntry> resolve(ReminderEntry unknown, ReminderStatus outcome, String detail, Instant at) {
        Optional<ReminderEntry> next = resolved(unknown, outcome, detail, at);
        return next.filter(settled -> log.replace(unknown, settled));
    }

    /**
     * Settles the entry of {@code key} if it is of unknown outcome ({@link #resolved}): how an operator forces
     * a resend ({@code FAILED}: the next run retries it while attempts remain and its period is pending) or
     * records a delivery confirmed elsewhere ({@code SENT}).
     *
     * @return whether this caller settled it (false: no entry, or not of unknown outcome)
     * @throws ValidationException naming {@code outcome} when it is not SENT or FAILED
     */
    public boolean resolveUnknown(ReminderKey key, ReminderStatus outcome, String detail, Instant at) {
        Checks.present("key", key);
        return apply(key, log.find(key), true, current -> current.flatMap(entry -> resolved(entry, outcome, detail, at))).isPresent();
    }

    /**
     * Takes over the claim of {@code key} if it is past its lease ({@link #expired}). Of any number of
     * concurrent callers, at most one succeeds.
     *
     * @return the entry now UNKNOWN, as stored; empty when there was nothing to take over
     */
    public Optional<ReminderEntry> expireClaim(ReminderKey key, Instant claimedBefore, String reason, Instant at) {
        Checks.present("key", key);
        return apply(key, log.find(key), true, current -> current.flatMap(entry -> expired(entry, claimedBefore, reason, at)));
    }

    /**
     * Decides on {@code read} and stores the decision with an insert (no entry read) or a compare-and-set; a
     * lost race re-reads the entry and decides again, on what the winner left. A refusal decided on a
     * caller's earlier read ({@code fresh} false) is decided again on a fresh read: the entry may have moved
     * on since (a claim in flight then, failed now), and the answer must be the one the store gives now.
     */
    private Optional<ReminderEntry> apply(ReminderKey key, Optional<ReminderEntry> read, boolean fresh,
                                          Function<Optional<ReminderEntry>, Optional<ReminderEntry>> rule) {
        Optional<ReminderEntry> current = read;
        boolean readNow = fresh;
        for (int race = 0; race < MAX_RACES; race++) {
            Optional<ReminderEntry> next = rule.apply(current);
            if (next.isEmpty() && readNow) {
                return Optional.empty();
            }
            if (next.isPresent() && (current.isEmpty() ? log.insert(next.get()) : log.replace(current.get(), next.get()))) {
                return next;
            }
            current = log.find(key);
            readNow = true;
        }
        return Optional.empty();
    }

    private static ReminderEntry moved(ReminderEntry current, ReminderStatus status, String detail, Instant at) {
        Checks.present("detail", detail);
        Checks.present("at", at);
        return new ReminderEntry(current.key(), status, current.attempts(), current.amountDue(), Optional.of(detail), at);
    }

    private static ReminderEntry sameKey(ReminderKey key, ReminderEntry entry) {
        if (!entry.key().equals(key)) {
            throw ValidationException.invalid("key", entry.key(), "the current entry is of another key than " + key);
        }
        return entry;
    }
}
