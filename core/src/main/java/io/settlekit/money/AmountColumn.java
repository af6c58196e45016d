package io.settlekit.money;

import io.settlekit.base.ValidationException;

import java.util.Arrays;

/**
 * Many amounts held as columns, for bulk totals: each row's currency as a number into the column's few
 * distinct codes, and its fen in a {@code long[]}: 10 bytes a row and no object each (an {@link Amount}
 * is an object per row plus its reference), and {@link #totals()} sums them per currency in one loop over
 * two arrays.
 *
 * <p>Use it where amounts arrive in bulk (a query's rows, a file's lines) and only their totals are
 * wanted; {@link CurrencyTotals#of(Iterable)} over {@link Amount}s gives the same totals, at about the
 * cost of reading every object (see {@code BENCHMARKS.md}, per-currency totals). Immutable; build with
 * {@link #builder()}.
 *
 * <p>Thread-safe: immutable once built (the builder hands over its arrays and never writes them again).
 */
public final class AmountColumn {
    private final String[] codes;
    private final short[] currency;
    private final long[] fen;
    private final int size;

    private AmountColumn(String[] codes, short[] currency, long[] fen, int size) {
        this.codes = codes;
        this.currency = currency;
        this.fen = fen;
        this.size = size;
    }

    /** A builder that grows as rows come. */
    public static Builder builder() {
        return new Builder(16);
    }

    /** A builder sized for {@code expectedRows} rows (it still grows beyond them). */
    public static Builder builder(int expectedRows) {
        if (expectedRows < 0) {
            throw ValidationException.invalid("expected_rows", expectedRows, "must not be negative");
        }
        return new Builder(Math.max(16, expectedRows));
    }

    /** How many rows. */
    public int size() {
        return size;
    }

    /** Row {@code row} as an {@link Amount}. */
    public Amount get(int row) {
        if (row < 0 || row >= size) {
            throw ValidationException.invalid("row", row, "must be from 0 to " + (size - 1));
        }
        return new Amount(codes[currency[row]], fen[row]);
    }

    /**
     * The rows summed per currency. A sum that overflows 64 bits throws
     * ({@link io.settlekit.base.ErrorCode#ARITHMETIC_OVERFLOW}), as {@link CurrencyTotals.Builder} does.
     */
    public CurrencyTotals totals() {
        long[] sums = new long[codes.length];
        short[] c = currency;
        long[] f = fen;
        for (int row = 0; row < size; row++) {
            int code = c[row];
            sums[code] = Amount.addExact(sums[code], f[row]);
        }
        CurrencyTotals.Builder totals = CurrencyTotals.builder();
        for (int code = 0; code < codes.length; code++) {
            totals.add(codes[code], sums[code]);
        }
        return totals.build();
    }

    @Override
    public String toString() {
        return "AmountColumn[" + size + " rows in " + Arrays.toString(codes) + "]";
    }

    /** Appends rows; call {@link #build()} once. Not thread-safe. */
    public static final class Builder {
        private String[] codes = new String[0];
        private short[] currency;
        private long[] fen;
        private int size;
        // the previous row's code and number: rows of one currency often come together
        private String lastCode;
        private short lastNumber;
        private boolean built;

        private Builder(int capacity) {
            currency = new short[capacity];
            fen = new long[capacity];
        }

        /** Appends an amount. */
        public Builder add(Amount amount) {
            if (amount == null) {
                throw ValidationException.missing("amount");
            }
            return add(amount.feeType(), amount.fen());
        }

        /** Appends {@code fen} minor units of {@code feeType} (the code is checked the first time it is seen). */
        public Builder add(String feeType, long fen) {
            if (built) {
                throw new IllegalStateException("the column is already built");
            }
            short number = feeType == lastCode ? lastNumber : numberOf(feeType);
            if (size == this.fen.length) {
                int capacity = Math.max(16, size + (size >> 1));
                currency = Arrays.copyOf(currency, capacity);
                this.fen = Arrays.copyOf(this.fen, capacity);
            }
            currency[size] = number;
            this.fen[size] = fen;
            size++;
            return this;
        }

        /** The column (the builder's arrays are handed over, not copied). */
        public AmountColumn build() {
            built = true;
            return new AmountColumn(codes, currency, fen, size);
        }

        private short numberOf(String feeType) {
            for (int i = 0; i < codes.length; i++) {
                if (codes[i].equals(feeType)) {
                    return remember(codes[i], i);
                }
            }
            // at most 26^3 well-formed codes: a short always holds the number
            String code = FeeTypeCodes.check("fee_type", feeType);
            codes = Arrays.copyOf(codes, codes.length + 1);
            codes[codes.length - 1] = code;
            return remember(code, codes.length - 1);
        }

        private short remember(String code, int number) {
            lastCode = code;
            lastNumber = (short) number;
            return lastNumber;
        }
    }
}
