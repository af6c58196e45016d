package io.settlekit.billing.reminder;

import io.settlekit.base.Port;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The storage of reminder sends, one entry per (merchant, period, reminder date). It only stores and reads:
 * which changes are legal (claim, record an outcome, settle a send of unknown outcome, take over a claim
 * past its lease) is decided once, in core, by {@link ReminderTransitions}, which applies each change with
 * the two atomic steps below. {@link #insert} creates an entry only if its key is new (a unique key, so
 * that two nodes can never both claim a first send) and {@link #replace} changes one only if it is still
 * the version the caller read (a compare-and-set, so that of any number of concurrent callers at most one
 * wins a change).
 */
@Port
public interface ReminderLog {

    /**
     * Stores {@code entry}, atomically, only if no entry with its key exists. Of any number of concurrent
     * callers with the same key, at most one succeeds.
     *
     * @return whether it was stored (false: an entry with that key exists, and is left unchanged)
     */
    boolean insert(ReminderEntry entry);

    /**
     * Replaces the stored entry of {@code expected}'s key with {@code updated}, atomically, only if the stored
     * entry is still the version of {@code expected} ({@link ReminderEntry#sameVersion}: same status, attempts
     * and update time). Of any number of concurrent callers with the same expected entry, at most one
     * succeeds. A detail longer than the store keeps may be cut to its length.
     *
     * @return whether it was replaced (false: no entry, or it changed since {@code expected} was read; it is
     *         left unchanged)
     * @throws io.settlekit.base.ValidationException naming {@code key} when the two entries' keys differ
     */
    boolean replace(ReminderEntry expected, ReminderEntry updated);

    /** The entry of {@code key}, if any. */
    Optional<ReminderEntry> find(ReminderKey key);

    /** The entries with a reminder date in {@code [from, to]}, ordered by date, merchant and period. */
    List<ReminderEntry> entriesBetween(LocalDate from, LocalDate to);
}
