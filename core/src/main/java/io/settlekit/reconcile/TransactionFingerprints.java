package io.settlekit.reconcile;

import java.util.Arrays;

/**
 * The transaction ids seen so far, as 128-bit fingerprints in an open-addressing table of {@code long}s:
 * 32 bytes per id at most, several times less than the strings in a {@code HashSet}, and the lines are
 * never held. Two independent 64-bit hashes make a false
 * "seen" (both colliding) negligible (about 2<sup>-100</sup> for a million ids).
 */
final class TransactionFingerprints {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long MIX_SEED = 0x9E3779B97F4A7C15L;

    private long[] slots;
    private int size;
    /** The provider of the previous id (compared by identity) and its part of each hash. */
    private String lastProvider;
    private long prefixFnv;
    private long prefixMix;

    /** An empty table that grows as ids come. */
    TransactionFingerprints() {
        this(0);
    }

    /**
     * An empty table sized for {@code expected} ids without growing: growing copies the table (a million
     * ids: a 32 MB table allocated while the 16 MB one is still live, a tight spot in a small heap).
     */
    TransactionFingerprints(int expected) {
        int capacity = 1024;
        while (capacity < (1 << 29) && capacity * 3L < expected * 4L + 4) {
            capacity <<= 1;
        }
        slots = new long[2 * capacity];
    }

    /** Adds the id; false when it was already present. */
    boolean add(String provider, String transactionId) {
        if (provider != lastProvider) {
            // a file has one provider: its part of both hashes is computed once, not for every line
            prefixFnv = (fnv(FNV_OFFSET, provider) ^ '\u0000') * FNV_PRIME;
            prefixMix = mixChar(mixChars(MIX_SEED, provider), '\u0000');
            lastProvider = provider;
        }
        // both hashes in one pass over the id: two independent multiply chains run side by side
        long h1 = prefixFnv;
        long h2 = prefixMix;
        for (int i = 0, n = transactionId.length(); i < n; i++) {
            char c = transactionId.charAt(i);
            h1 = (h1 ^ c) * FNV_PRIME;
            h2 = mixChar(h2, c);
        }
        h2 = finish(h2);
        if (h1 == 0 && h2 == 0) {
            h2 = 1; // (0, 0) marks an empty slot
        }
        if ((size + 1) * 4L > (slots.length / 2) * 3L) {
            grow();
        }
        boolean added = insert(slots, h1, h2);
        if (added) {
            size++;
        }
        return added;
    }

    /** How many ids the table can hold before it grows (for tests of its footprint). */
    int capacity() {
        return slots.length / 2;
    }

    /** How many ids were added. */
    int size() {
        return size;
    }

    private boolean insert(long[] table, long h1, long h2) {
        int capacity = table.length / 2;
        int index = (int) (h1 & (capacity - 1));
        while (true) {
            long a = table[2 * index];
            long b = table[2 * index + 1];
            if (a == 0 && b == 0) {
                table[2 * index] = h1;
                table[2 * index + 1] = h2;
                return true;
            }
            if (a == h1 && b == h2) {
                return false;
            }
            index = (index + 1) & (capacity - 1);
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0 || old[i + 1] != 0) {
                insert(slots, old[i], old[i + 1]);
            }
        }
        Arrays.fill(old, 0);
    }

    /** FNV-1a over the characters of {@code text}. */
    private static long fnv(long hash, String text) {
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * FNV_PRIME;
        }
        return hash;
    }

    private static long mixChars(long hash, String text) {
        for (int i = 0; i < text.length(); i++) {
            hash = mixChar(hash, text.charAt(i));
        }
        return hash;
    }

    private static long mixChar(long hash, char c) {
        return Long.rotateLeft(hash ^ c * 0xC2B2AE3D27D4EB4FL, 31) * 0x165667B19E3779F9L;
    }

    private static long finish(long hash) {
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        return hash;
    }
}
