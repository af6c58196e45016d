package io.settlekit.reconcile;

import io.settlekit.internal.Checks;
import io.settlekit.money.Amount;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The day's receivables, held compactly for a {@link Reconciler}: one slot per receivable in parallel
 * primitive arrays (amount, currency number, time, direction, state, the order reference's characters in
 * one shared {@code char[]} and its hash), grouped by (reference, direction) through an open-addressing
 * table and per-group chains in arrival order. No object per receivable, a fraction of the memory of
 * objects in maps of lists: a day of a million receivables fits a small heap, and a garbage collector's
 * marking, which walks every live object, no longer walks millions of strings while a file is
 * reconciled (that marking had been a large part of the reconciliation's CPU time, and slowed everything
 * else in the JVM; figures in BENCHMARKS.md, settlement-file reconciliation).
 * Receivable objects are rebuilt only when an item is reported.
 *
 * <p>One index serves one reconciliation ({@link #reopened()} gives a fresh one over the same data).
 * Fill it by streaming ({@link Builder} is a {@code Consumer<Receivable>}, so a
 * {@link io.settlekit.reconcile.ReceivableSource} can write straight into it). Not thread-safe.
 */
public final class ReceivableIndex {
    private static final byte OPEN = 0;
    private static final byte CLOSED = 1;
    private static final int NONE = -1;
    /** The longest array a JVM reliably allocates. */
    private static final int MAX_CHARS = Integer.MAX_VALUE - 8;

    private final int size;
    /** The references' characters, slot after slot; slot {@code s} ends at {@code referenceEnds[s]}. */
    private final char[] referenceChars;
    private final int[] referenceEnds;
    /** {@link String#hashCode()} of each slot's reference: a probe compares characters only when it matches. */
    private final int[] referenceHashes;
    private final boolean[] reverse;
    private final byte[] state;
    private final long[] fen;
    /** Each slot's currency as a number into {@link #feeTypeCodes} (few distinct codes; no reference per slot). */
    private final short[] feeTypes;
    private final String[] feeTypeCodes;
    private final long[] epochSeconds;
    private final int[] nanos;
    private final int[] next;
    private final boolean[] head;
    private final int[] table;

    private ReceivableIndex(Builder b) {
        size = b.size;
        // the builder's arrays are taken as they are (never copied: a copy would double the peak)
        referenceChars = b.referenceChars;
        referenceEnds = b.referenceEnds;
        referenceHashes = b.referenceHashes;
        reverse = b.reverse;
        state = new byte[size];
        fen = b.fen;
        feeTypes = b.feeTypes;
        feeTypeCodes = new String[b.feeTypeCodes.size()];
        for (Map.Entry<String, Short> code : b.feeTypeCodes.entrySet()) {
            feeTypeCodes[code.getValue()] = code.getKey();
        }
        epochSeconds = b.epochSeconds;
        nanos = b.nanos;
        next = b.next;
        head = b.head;
        table = b.table;
        b.tail = null;
    }

    private ReceivableIndex(ReceivableIndex other) {
        size = other.size;
        referenceChars = other.referenceChars;
        referenceEnds = other.referenceEnds;
        referenceHashes = other.referenceHashes;
        reverse = other.reverse;
        state = new byte[size];
        fen = other.fen;
        feeTypes = other.feeTypes;
        feeTypeCodes = other.feeTypeCodes;
        epochSeconds = other.epochSeconds;
        nanos = other.nanos;
        next = other.next;
        head = other.head;
        table = other.table;
    }

    /**
     * The same receivables, all open again, for another reconciliation (a {@link Reconciler} closes the
     * receivables it reports). Shares everything but the open/closed flags.
     */
    public ReceivableIndex reopened() {
        return new ReceivableIndex(this);
    }

    /** A builder to stream receivables into. */
    public static Builder builder() {
        return new Builder();
    }

    /** An index of {@code receivables}, validated one by one. */
    public static ReceivableIndex of(Iterable<Receivable> receivables) {
        Builder builder = builder();
        Checks.present("receivables", receivables).forEach(builder);
        return builder.build();
    }

    /** How many receivables were indexed. */
    public int size() {
        return size;
    }

    /** The first receivable slot of the group (reference, direction), or -1. */
    int group(String reference, Direction direction) {
        boolean rev = direction == Direction.REVERSE;
        int hash = reference.hashCode();
        int mask = table.length - 1;
        for (int slot = tableHash(hash, rev) & mask; ; slot = (slot + 1) & mask) {
            int first = table[slot];
            if (first == NONE) {
                return NONE;
            }
            if (referenceHashes[first] == hash && reverse[first] == rev
                    && sameReference(referenceChars, start(referenceEnds, first), referenceEnds[first], reference)) {
                return first;
            }
        }
    }

    /** The next slot of the same group, or -1. */
    int next(int slot) {
        return next[slot];
    }

    /** Whether slot {@code slot} is the first of its group (groups are visited in order of their first slot). */
    boolean isGroupHead(int slot) {
        return head[slot];
    }

    boolean isOpen(int slot) {
        return state[slot] == OPEN;
    }

    void close(int slot) {
        state[slot] = CLOSED;
    }

    /** How many receivables of the group starting at {@code first} are still open. */
    int openCount(int first) {
        int count = 0;
        for (int slot = first; slot != NONE; slot = next[slot]) {
            if (state[slot] == OPEN) {
                count++;
            }
        }
        return count;
    }

    /** Whether slot {@code slot} expects exactly {@code amount}. */
    boolean amountEquals(int slot, Amount amount) {
        return fen[slot] == amount.fen() && feeType(slot).equals(amount.feeType());
    }

    /** Whether slot {@code slot} is a reverse receivable (a refund). */
    boolean isReverse(int slot) {
        return reverse[slot];
    }

    String feeType(int slot) {
        return feeTypeCodes[feeTypes[slot]];
    }

    long fen(int slot) {
        return fen[slot];
    }

    /** The receivable of slot {@code slot}, rebuilt. */
    Receivable receivable(int slot) {
        int start = start(referenceEnds, slot);
        return receivable(slot, new String(referenceChars, start, referenceEnds[slot] - start));
    }

    /**
     * The receivable of slot {@code slot}, rebuilt with {@code reference}, a string equal to the slot's
     * reference (the line's own, for a line found by it: no copy of the characters for every match).
     */
    Receivable receivable(int slot, String reference) {
        return new Receivable(reference, reverse[slot] ? Direction.REVERSE : Direction.FORWARD,
                Amount.ofMinor(feeType(slot), fen[slot]), Instant.ofEpochSecond(epochSeconds[slot], nanos[slot]));
    }

    private static int start(int[] ends, int slot) {
        return slot == 0 ? 0 : ends[slot - 1];
    }

    private static boolean sameReference(char[] chars, int start, int end, String reference) {
        if (end - start != reference.length()) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (chars[i] != reference.charAt(i - start)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The table position of a reference hash and a direction. Deliberately not scrambled further: order
     * references are mostly numbered ("ORD-1041", "ORD-1042"...) and lines come in about the order of the
     * receivables, so near-equal hashes in near-by table positions keep the lookups of a file within a few
     * cache lines of each other (a multiplicative scramble made every lookup a cache miss, and the
     * reconciliation slower, although it needed fewer probes).
     */
    private static int tableHash(int referenceHash, boolean rev) {
        int h = referenceHash * 31 + (rev ? 1 : 0);
        return h ^ (h >>> 16);
    }

    /**
     * Streams receivables into a new index; call {@link #build()} once.
     *
     * <p>Not thread-safe: growing arrays; one builder per index, on one thread.
     */
    public static final class Builder implements Consumer<Receivable> {
        private int size;
        private char[] referenceChars = new char[1024];
        private int[] referenceEnds = new int[64];
        private int[] referenceHashes = new int[64];
        private boolean[] reverse = new boolean[64];
        private long[] fen = new long[64];
        private short[] feeTypes = new short[64];
        private long[] epochSeconds = new long[64];
        private int[] nanos = new int[64];
        private int[] next = new int[64];
        private boolean[] head = new boolean[64];
        private int[] tail = new int[64];
        private int[] table = emptyTable(128);
        private final Map<String, Short> feeTypeCodes = new HashMap<>();
        private boolean built;

        private Builder() {
        }

        /** Adds one receivable (in time order: items of a group are reported in arrival order). */
        @Override
        public void accept(Receivable receivable) {
            if (built) {
                throw new IllegalStateException("the index is already built");
            }
            Checks.present("receivables[" + size + "]", receivable);
            if (size == reverse.length) {
                grow();
            }
            if (2 * (size + 1) > table.length) {
                rehash(table.length * 2);
            }
            int slot = size++;
            String reference = receivable.reference();
            boolean rev = receivable.direction() == Direction.REVERSE;
            appendReference(slot, reference);
            referenceHashes[slot] = reference.hashCode();
            reverse[slot] = rev;
            fen[slot] = receivable.amount().fen();
            // at most 26^3 well-formed codes: a short always holds the number
            feeTypes[slot] = feeTypeCodes.computeIfAbsent(receivable.amount().feeType(), code -> (short) feeTypeCodes.size());
            epochSeconds[slot] = receivable.time().getEpochSecond();
            nanos[slot] = receivable.time().getNano();
            next[slot] = NONE;
            int mask = table.length - 1;
            for (int probe = tableHash(referenceHashes[slot], rev) & mask; ; probe = (probe + 1) & mask) {
                int first = table[probe];
                if (first == NONE) {
                    table[probe] = slot;
                    head[slot] = true;
                    tail[slot] = slot;
                    return;
                }
                if (referenceHashes[first] == referenceHashes[slot] && reverse[first] == rev
                        && sameReference(referenceChars, start(referenceEnds, first), referenceEnds[first], reference)) {
                    next[tail[first]] = slot;
                    tail[first] = slot;
                    return;
                }
            }
        }

        /** The finished index. */
        public ReceivableIndex build() {
            built = true;
            return new ReceivableIndex(this);
        }

        private void appendReference(int slot, String reference) {
            int start = start(referenceEnds, slot);
            long needed = (long) start + reference.length();
            if (needed > MAX_CHARS) {
                throw new IllegalStateException("the receivables' references exceed " + MAX_CHARS + " characters in one index");
            }
            int end = (int) needed;
            if (end > referenceChars.length) {
                referenceChars = Arrays.copyOf(referenceChars, (int) Math.min(MAX_CHARS, Math.max(end, 2L * referenceChars.length)));
            }
            reference.getChars(0, reference.length(), referenceChars, start);
            referenceEnds[slot] = end;
        }

        private void grow() {
            int capacity = reverse.length * 2;
            referenceEnds = Arrays.copyOf(referenceEnds, capacity);
            referenceHashes = Arrays.copyOf(referenceHashes, capacity);
            reverse = Arrays.copyOf(reverse, capacity);
            fen = Arrays.copyOf(fen, capacity);
            feeTypes = Arrays.copyOf(feeTypes, capacity);
            epochSeconds = Arrays.copyOf(epochSeconds, capacity);
            nanos = Arrays.copyOf(nanos, capacity);
            next = Arrays.copyOf(next, capacity);
            head = Arrays.copyOf(head, capacity);
            tail = Arrays.copyOf(tail, capacity);
        }

        private void rehash(int capacity) {
            table = emptyTable(capacity);
            int mask = capacity - 1;
            for (int slot = 0; slot < size; slot++) {
                if (head[slot]) {
                    int probe = tableHash(referenceHashes[slot], reverse[slot]) & mask;
                    while (table[probe] != NONE) {
                        probe = (probe + 1) & mask;
                    }
                    table[probe] = slot;
                }
            }
        }

        private static int[] emptyTable(int capacity) {
            int[] empty = new int[capacity];
            Arrays.fill(empty, NONE);
            return empty;
        }
    }
}
