package io.settlekit.settlement;

import io.settlekit.base.Port;
import io.settlekit.money.Amount;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The record of reminder sends, one entry per (merchant, period, reminder date), and the atomic claim
 * that makes the reminder job duplicate-free across reruns and nodes: a send is claimed here before the
 * message leaves, and only the caller whose claim succeeded sends. A claim's {@code updatedAt} is when it
 * was claimed: a claim never settled within the job's lease ({@link #expireClaim}) is taken over as a send
 * of unknown outcome, never left to look like a legitimate duplicate.
 */
@Port
public interface ReminderLog {

    /**
     * Claims the send of {@code key}, atomically: succeeds when no entry exists (it is created
     * {@link io.settlekit.settlement.ReminderStatus#CLAIMED} with attempt 1), or when the entry
     * {@link io.settlekit.settlement.ReminderStatus#FAILED} with fewer than {@code maxAttempts} attempts (it
     * becomes CLAIMED with one more attempt). Of any number of concurrent callers, at most one succeeds.
     *
     * @return whether this caller now owns the send
     */
    boolean claim(ReminderKey key, Amount amountDue, int maxAttempts, Instant at);

    /** Records that the claimed send went out, with the provider's reference (e.g. an SMS serial number). */
    void markSent(ReminderKey key, String providerReference, Instant at);

    /** Records that the claimed send failed, and why. */
    void markFailed(ReminderKey key, String reason, Instant at);

    /**
     * Records that the claimed send's outcome is unknown (the request went out, no answer came), and why:
     * the entry becomes {@link io.settlekit.settlement.ReminderStatus#UNKNOWN}, which {@link #claim} never
     * takes. Changes claimed entries only.
     */
    void markUnknown(ReminderKey key, String reason, Instant at);

    /**
     * Settles an {@link io.settlekit.settlement.ReminderStatus#UNKNOWN UNKNOWN} entry, atomically: it becomes
     * {@code outcome} ({@link io.settlekit.settlement.ReminderStatus#SENT SENT} with the provider's reference,
     * or {@link io.settlekit.settlement.ReminderStatus#FAILED FAILED} with the reason, keeping its attempts)
     * only if it is still UNKNOWN.
     *
     * @param outcome SENT or FAILED
     * @return whether this caller changed it
     */
    boolean resolveUnknown(ReminderKey key, ReminderStatus outcome, String detail, Instant at);

    /**
     * Takes over a claim whose lease has run out, atomically: an entry still
     * {@link io.settlekit.settlement.ReminderStatus#CLAIMED CLAIMED} since before {@code claimedBefore} (its
     * claimer died, or hangs, between the claim and recording the outcome) becomes
     * {@link io.settlekit.settlement.ReminderStatus#UNKNOWN UNKNOWN} with {@code reason}, keeping its attempts,
     * so that it is settled like any send of unknown outcome. Of any number of concurrent callers at most
     * one succeeds; a claim recorded at or after {@code claimedBefore}, or already settled, is left alone.
     *
     * @param claimedBefore claims older than this are stale (now minus the lease)
     * @return whether this caller changed it
     */
    boolean expireClaim(ReminderKey key, Instant claimedBefore, String reason, Instant at);

    /** The entry of {@code key}, if any. */
    Optional<ReminderEntry> find(ReminderKey key);

    /** The entries with a reminder date in {@code [from, to]}, ordered by date, merchant and period. */
    List<ReminderEntry> entriesBetween(LocalDate from, LocalDate to);
}
