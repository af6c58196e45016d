package io.settlekit.files.csv;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;

import java.util.Arrays;

/**
 * The current record of a CSV file as characters, one object reused from record to record (read it
 * before asking {@link CsvRows} for the next). A parser reads flags, codes and numbers straight from the
 * characters and makes {@code String}s only of the texts it keeps: FastCSV's own records make a
 * {@code String} of every field, which was half the allocation of reconciling a PayPal file (22 fields
 * a row, 10 of them used, most of those numbers or codes).
 *
 * <p>Accessors named {@code text…} work on the field with white space stripped from both ends, as
 * {@link String#strip()} does.
 *
 * <p>Not thread-safe: a reused mutable buffer, overwritten by the next row; copy what you keep.
 */
public final class CsvRow {
    // FastCSV's limits for its own records (fields per record, characters per field and per record)
    private static final int MAX_FIELDS = 16_384;
    private static final int MAX_FIELD_SIZE = 16 * 1024 * 1024;
    private static final int MAX_RECORD_SIZE = 64 * 1024 * 1024;

    private char[] chars = new char[512];
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private int count;
    private int length;
    private long line;

    CsvRow() {
    }

    /** The line the record starts at (1-based). */
    public long line() {
        return line;
    }

    /** How many fields the record has. */
    public int fieldCount() {
        return count;
    }

    /** Field {@code index} as it is in the file (unquoted, not stripped). */
    public String field(int index) {
        check(index);
        return new String(chars, starts[index], ends[index] - starts[index]);
    }

    /** Field {@code index} stripped, as {@code field(index).strip()}. */
    public String text(int index) {
        check(index);
        int from = textStart(index);
        return new String(chars, from, textEnd(index, from) - from);
    }

    /** Whether field {@code index} is empty or white space only. */
    public boolean isBlank(int index) {
        check(index);
        return textStart(index) == ends[index];
    }

    /** Whether field {@code index} stripped equals {@code expected}. */
    public boolean textEquals(int index, String expected) {
        check(index);
        int from = textStart(index);
        int to = textEnd(index, from);
        if (to - from != expected.length()) {
            return false;
        }
        for (int i = 0; i < expected.length(); i++) {
            if (chars[from + i] != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Field {@code index} stripped, read as an unsigned decimal of 1 to 18 ASCII digits (so it always
     * fits a {@code long}), or -1 when it is anything else.
     */
    public long textDigits(int index) {
        check(index);
        int from = textStart(index);
        int to = textEnd(index, from);
        if (to == from || to - from > 18) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The characters of the record; field {@code index} stripped spans {@link #textStart} to {@link #textEnd}. */
    public char[] chars() {
        return chars;
    }

    /** Where field {@code index} stripped starts in {@link #chars()}. */
    public int textStart(int index) {
        int from = starts[index];
        int to = ends[index];
        while (from < to && Character.isWhitespace(chars[from])) {
            from++;
        }
        return from;
    }

    /** Where field {@code index} stripped ends in {@link #chars()}, given its {@link #textStart}. */
    public int textEnd(int index, int textStart) {
        int to = ends[index];
        while (to > textStart && Character.isWhitespace(chars[to - 1])) {
            to--;
        }
        return to;
    }

    @Override
    public String toString() {
        return "CSV record at line " + line + " with " + count + " fields";
    }

    private void check(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("field " + index + " of a record with " + count + " fields");
        }
    }

    private void begin(long startingLine) {
        line = startingLine;
        count = 0;
        length = 0;
    }

    private void add(char[] buffer, int offset, int fieldLength) {
        if (fieldLength > MAX_FIELD_SIZE) {
            throw new CsvParseException("Field at index " + count + " in record starting at line " + line
                    + " exceeds the max field size of " + MAX_FIELD_SIZE + " characters");
        }
        if (length + fieldLength > MAX_RECORD_SIZE) {
            throw new CsvParseException("Field at index " + count + " in record starting at line " + line
                    + " exceeds the max record size of " + MAX_RECORD_SIZE + " characters");
        }
        if (count == starts.length) {
            if (count >= MAX_FIELDS) {
                throw new CsvParseException("Record starting at line " + line + " has surpassed the maximum limit of "
                        + MAX_FIELDS + " fields");
            }
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        if (length + fieldLength > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + fieldLength));
        }
        // copied: the parser's buffer moves on while the record is still being read
        System.arraycopy(buffer, offset, chars, length, fieldLength);
        starts[count] = length;
        length += fieldLength;
        ends[count] = length;
        count++;
    }

    /** Fills the one row of a {@link CsvRows}, field by field, as FastCSV reads them. */
    static final class Handler extends AbstractBaseCsvCallbackHandler<CsvRow> {
        private final CsvRow row = new CsvRow();

        @Override
        protected void handleBegin(long startingLineNumber) {
            row.begin(startingLineNumber);
        }

        @Override
        protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
            row.add(buf, offset, len);
        }

        @Override
        protected CsvRow buildRecord() {
            return row;
        }
    }
}
