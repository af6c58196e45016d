package io.settlekit.money;

import java.util.Arrays;
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
     * Accumulates amounts per currency. Not thread-safe. Adding is a short scan over the few currencies
     * seen so far (comparing codes by identity first), which keeps summing millions of amounts close to
     * the cost of summing a {@code long[]}; a sum that overflows 64 bits throws.
     */
    public static final class Builder {
        private String[] codes = new String[4];
        private long[] sums = new long[4];
        private int size;

        private Builder() {
        }

        /** Adds one amount. */
        public Builder add(Amount amount) {
            return add(amount.feeType(), amount.fen());
        }

        /** Adds {@code fen} of {@code feeType}. */
        public Builder add(String feeType, long fen) {
            int slot = slotOf(feeType);
            sums[slot] = Amount.addExact(sums[slot], fen);
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
            for (int i = 0; i < size; i++) {
                map.put(codes[i], sums[i]);
            }
            return new CurrencyTotals(map);
        }

        private int slotOf(String feeType) {
            for (int i = 0; i < size; i++) {
                if (codes[i] == feeType) {
                    return i;
                }
            }
            for (int i = 0; i < size; i++) {
                if (codes[i].equals(feeType)) {
                    return i;
                }
            }
            FeeTypeCodes.check("fee_type", feeType);
            if (size == codes.length) {
                codes = Arrays.copyOf(codes, size * 2);
                sums = Arrays.copyOf(sums, size * 2);
            }
            codes[size] = feeType;
            return size++;
        }
    }
}
