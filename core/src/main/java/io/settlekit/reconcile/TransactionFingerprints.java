package io.settlekit.reconcile;

import java.util.Arrays;

/**
 * The transaction ids seen so far, as 128-bit fingerprints in an open-addressing table of {@code long}s:
 * 32 bytes per id at most, against ~100 for the strings in a {@code HashSet}, so a million-line file's
 * duplicate check costs ~32 MB and never holds the lines. Two independent 64-bit hashes make a false
 * "seen" (both colliding) negligible (about 2<sup>-100</sup> for a million ids).
 */
final class TransactionFingerprints {
    private long[] slots;
    private int size;

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
        long h1 = fnv1a(provider, transactionId);
        long h2 = mix(provider, transactionId);
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

    private static long fnv1a(String provider, String id) {
        long hash = 0xcbf29ce484222325L;
        hash = fnv(hash, provider);
        hash = (hash ^ '\u0000') * 0x100000001b3L;
        return fnv(hash, id);
    }

    private static long fnv(long hash, String text) {
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
        }
        return hash;
    }

    private static long mix(String provider, String id) {
        // the hash of provider + '\u0000' + id, without building that string for every line
        long hash = mixChars(0x9E3779B97F4A7C15L, provider);
        hash = mixChar(hash, '\u0000');
        hash = mixChars(hash, id);
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
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
}
