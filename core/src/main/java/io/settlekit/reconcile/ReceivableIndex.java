package io.settlekit.reconcile;

import io.settlekit.Checks;
import io.settlekit.money.Amount;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The day's receivables, held compactly for a {@link Reconciler}: one slot per receivable in parallel
 * primitive arrays (amount, time, direction, state) plus the order reference, grouped by (reference,
 * direction) through an open-addressing table and per-group chains in arrival order. About 100 bytes per
 * receivable including its reference, against ~330 as objects in maps of lists, so a day of a million
 * receivables fits a small heap. Receivable objects are rebuilt only when an item is reported.
 *
 * <p>One index serves one reconciliation ({@link #reopened()} gives a fresh one over the same data).
 * Fill it by streaming ({@link Builder} is a {@code Consumer<Receivable>}, so a
 * {@link io.settlekit.reconcile.port.ReceivableSource} can write straight into it). Not thread-safe.
 */
public final class ReceivableIndex {
    private static final byte OPEN = 0;
    private static final byte CLOSED = 1;
    private static final int NONE = -1;

    private final int size;
    private final String[] references;
    private final boolean[] reverse;
    private final byte[] state;
    private final long[] fen;
    private final String[] feeTypes;
    private final long[] epochSeconds;
    private final int[] nanos;
    private final int[] next;
    private final boolean[] head;
    private final int[] table;

    private ReceivableIndex(Builder b) {
        size = b.size;
        // the builder's arrays are taken as they are (never copied: a copy would double the peak)
        references = b.references;
        reverse = b.reverse;
        state = new byte[size];
        fen = b.fen;
        feeTypes = b.feeTypes;
        epochSeconds = b.epochSeconds;
        nanos = b.nanos;
        next = b.next;
        head = b.head;
        table = b.table;
        b.tail = null;
    }

    private ReceivableIndex(ReceivableIndex other) {
        size = other.size;
        references = other.references;
        reverse = other.reverse;
        state = new byte[size];
        fen = other.fen;
        feeTypes = other.feeTypes;
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
        int mask = table.length - 1;
        for (int slot = hash(reference, rev) & mask; ; slot = (slot + 1) & mask) {
            int first = table[slot];
            if (first == NONE) {
                return NONE;
            }
            if (reverse[first] == rev && references[first].equals(reference)) {
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
        return fen[slot] == amount.fen() && feeTypes[slot].equals(amount.feeType());
    }

    String feeType(int slot) {
        return feeTypes[slot];
    }

    long fen(int slot) {
        return fen[slot];
    }

    /** The receivable of slot {@code slot}, rebuilt. */
    Receivable receivable(int slot) {
        return new Receivable(references[slot], reverse[slot] ? Direction.REVERSE : Direction.FORWARD,
                Amount.ofMinor(feeTypes[slot], fen[slot]), Instant.ofEpochSecond(epochSeconds[slot], nanos[slot]));
    }

    private static int hash(String reference, boolean rev) {
        int h = reference.hashCode() * 31 + (rev ? 1 : 0);
        return h ^ (h >>> 16);
    }

    /** Streams receivables into a new index; call {@link #build()} once. */
    public static final class Builder implements Consumer<Receivable> {
        private int size;
        private String[] references = new String[64];
        private boolean[] reverse = new boolean[64];
        private long[] fen = new long[64];
        private String[] feeTypes = new String[64];
        private long[] epochSeconds = new long[64];
        private int[] nanos = new int[64];
        private int[] next = new int[64];
        private boolean[] head = new boolean[64];
        private int[] tail = new int[64];
        private int[] table = emptyTable(128);
        private final Map<String, String> canonicalFeeTypes = new HashMap<>();
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
            if (size == references.length) {
                grow();
            }
            if (2 * (size + 1) > table.length) {
                rehash(table.length * 2);
            }
            int slot = size++;
            boolean rev = receivable.direction() == Direction.REVERSE;
            references[slot] = receivable.reference();
            reverse[slot] = rev;
            fen[slot] = receivable.amount().fen();
            feeTypes[slot] = canonicalFeeTypes.computeIfAbsent(receivable.amount().feeType(), code -> code);
            epochSeconds[slot] = receivable.time().getEpochSecond();
            nanos[slot] = receivable.time().getNano();
            next[slot] = NONE;
            int mask = table.length - 1;
            for (int probe = hash(receivable.reference(), rev) & mask; ; probe = (probe + 1) & mask) {
                int first = table[probe];
                if (first == NONE) {
                    table[probe] = slot;
                    head[slot] = true;
                    tail[slot] = slot;
                    return;
                }
                if (reverse[first] == rev && references[first].equals(receivable.reference())) {
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

        private void grow() {
            int capacity = references.length * 2;
            references = Arrays.copyOf(references, capacity);
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
                    int probe = hash(references[slot], reverse[slot]) & mask;
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
