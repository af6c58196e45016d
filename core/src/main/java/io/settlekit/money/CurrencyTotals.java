package io.settlekit.money;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Per-currency totals (the seed's {@code total_sale_money_with_freight_dict}): amounts of several
 * currencies summed per currency, never added across currencies without an explicit conversion
 * ({@link RateBook#convert(CurrencyTotals, String, String)}).
 *
 * <p>Immutable; build with {@link #builder()} or {@link #of(Iterable)}. Keys iterate in code order.
 *
 * <p>Thread-safe: immutable (a private map never written after construction, exposed only through unmodifiable views).
 */
public final class CurrencyTotals {
    private static final CurrencyTotals EMPTY = new CurrencyTotals(new TreeMap<>());

    private final TreeMap<String, Long> totals;

    private CurrencyTotals(TreeMap<String, Long> totals) {
        this.totals = totals;
    }

    /** No amounts at all. */
    public static CurrencyTotals empty() {
        return EMPTY;
    }

    /** Sums {@code amounts} per currency. */
    public static CurrencyTotals of(Iterable<Amount> amounts) {
        Builder builder = builder();
        for (Amount amount : amounts) {
            builder.add(amount);
        }
        return builder.build();
    }

    /** Totals taken as given from a map of currency code to fen (validates the codes). */
    public static CurrencyTotals ofMap(Map<String, Long> fenByFeeType) {
        Builder builder = builder();
        fenByFeeType.forEach((code, fen) -> builder.add(FeeTypeCodes.check("totals", code), fen));
        return builder.build();
    }

    /** A mutable accumulator. */
    public static Builder builder() {
        return new Builder();
    }

    /** The total of {@code feeType}, when any amount of it was added. */
    public Optional<Amount> get(String feeType) {
        Long fen = totals.get(feeType);
        return fen == null ? Optional.empty() : Optional.of(new Amount(feeType, fen));
    }

    /** The currencies present, in code order. */
    public Set<String> feeTypes() {
        return Collections.unmodifiableSet(totals.keySet());
    }

    /** Currency code to total fen, in code order, unmodifiable. */
    public Map<String, Long> asMap() {
        return Collections.unmodifiableMap(totals);
    }

    /** Whether no amount was added. */
    public boolean isEmpty() {
        return totals.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CurrencyTotals that && totals.equals(that.totals);
    }

    @Override
    public int hashCode() {
        return totals.hashCode();
    }

    @Override
    public String toString() {
        return totals.toString();
    }

    /**
     * Accumulates amounts per currency. Not thread-safe. A small open-addressing table keyed by the code's
     * cached {@link String#hashCode()} finds a currency's slot without data-dependent branches (a linear
     * scan over the currencies mispredicts on every change of currency: see BENCHMARKS.md, per-currency totals);
     * codes are compared by identity first. A sum that overflows 64 bits throws.
     */
    public static final class Builder {
        private String[] codes = new String[16];
        private long[] sums = new long[16];
        private int size;

        private Builder() {
        }

        /** Adds one amount. */
        public Builder add(Amount amount) {
            return add(amount.feeType(), amount.fen());
        }

        /** Adds {@code fen} of {@code feeType}. */
        public Builder add(String feeType, long fen) {
            // the common case first, in few bytecodes so that it inlines into the caller's loop: the code is
            // in its home slot, the same instance as before (-XX:+PrintInlining reported the probe loop "too
            // big" to inline in some compilations; in steady state both shapes cost the same, bound by reading
            // the Amount objects)
            String[] table = codes;
            int slot = spread(feeType.hashCode()) & (table.length - 1);
            if (table[slot] != feeType) {
                slot = slotOf(feeType);
            }
            long[] totals = sums;
            totals[slot] = Amount.addExact(totals[slot], fen);
            return this;
        }

        /** Adds every total of {@code other}. */
        public Builder addAll(CurrencyTotals other) {
            other.totals.forEach(this::add);
            return this;
        }

        /** The totals so far. */
        public CurrencyTotals build() {
            TreeMap<String, Long> map = new TreeMap<>();
            for (int i = 0; i < codes.length; i++) {
                if (codes[i] != null) {
                    map.put(codes[i], sums[i]);
                }
            }
            return new CurrencyTotals(map);
        }

        private int slotOf(String feeType) {
            int mask = codes.length - 1;
            int slot = spread(feeType.hashCode()) & mask;
            String code;
            while ((code = codes[slot]) != feeType) {
                if (code == null) {
                    return insert(feeType);
                }
                if (code.equals(feeType)) {
                    return slot;
                }
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private int insert(String feeType) {
            FeeTypeCodes.check("fee_type", feeType);
            if (2 * (size + 1) > codes.length) {
                grow();
            }
            int mask = codes.length - 1;
            int slot = spread(feeType.hashCode()) & mask;
            while (codes[slot] != null) {
                slot = (slot + 1) & mask;
            }
            codes[slot] = feeType;
            size++;
            return slot;
        }

        private void grow() {
            String[] oldCodes = codes;
            long[] oldSums = sums;
            codes = new String[oldCodes.length * 2];
            sums = new long[oldCodes.length * 2];
            int mask = codes.length - 1;
            for (int i = 0; i < oldCodes.length; i++) {
                if (oldCodes[i] != null) {
                    int slot = spread(oldCodes[i].hashCode()) & mask;
                    while (codes[slot] != null) {
                        slot = (slot + 1) & mask;
                    }
                    codes[slot] = oldCodes[i];
                    sums[slot] = oldSums[i];
                }
            }
        }

        private static int spread(int hash) {
            return hash ^ (hash >>> 16);
        }
    }
}
