package io.settlekit.files.paypal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * A fast path for the one time shape of STL files, {@code yyyy/MM/dd HH:mm:ss ±HHmm}: read by position
 * instead of through {@code DateTimeFormatter}, which was the largest single cost of reconciling a file
 * (see BENCHMARKS.md, settlement-file reconciliation).
 *
 * <p>An instance remembers the last date and offset it saw: the rows of a file share a handful of both,
 * and building a {@link LocalDate} and a {@link ZoneOffset} for every row (both validated, the offset
 * through a concurrent cache) was the next largest cost. Values out of range still fail with the
 * {@link java.time.DateTimeException} of {@link LocalDate#of}, {@link LocalTime#of} and
 * {@link ZoneOffset#ofHoursMinutes}. Not thread-safe: one per file reader.
 */
final class PaypalTimes {
    /** Returned by {@link #epochSecond} when the text is not in the usual shape (the caller falls back). */
    static final long OTHER_SHAPE = Long.MIN_VALUE;
    private static final int LENGTH = "2025/03/14 00:14:22 -0700".length();

    private int lastDate = -1;
    private long lastEpochDay;
    private int lastOffset = -1;
    private int lastOffsetSeconds;

    /** The instant of {@code text}, or {@code null} when it is not in the usual shape (the caller falls back). */
    static Instant parse(String text) {
        long seconds = new PaypalTimes().epochSecond(text.toCharArray(), 0, text.length());
        return seconds == OTHER_SHAPE ? null : Instant.ofEpochSecond(seconds);
    }

    /**
     * The epoch second of the {@code length} characters at {@code from}, or {@link #OTHER_SHAPE}.
     *
     * @throws java.time.DateTimeException when the shape is right but a value is out of range
     */
    long epochSecond(char[] chars, int from, int length) {
        if (length != LENGTH || chars[from + 4] != '/' || chars[from + 7] != '/' || chars[from + 10] != ' '
                || chars[from + 13] != ':' || chars[from + 16] != ':' || chars[from + 19] != ' ') {
            return OTHER_SHAPE;
        }
        char sign = chars[from + 20];
        if (sign != '+' && sign != '-') {
            return OTHER_SHAPE;
        }
        int year = digits(chars, from, 4);
        int month = digits(chars, from + 5, 2);
        int day = digits(chars, from + 8, 2);
        int hour = digits(chars, from + 11, 2);
        int minute = digits(chars, from + 14, 2);
        int second = digits(chars, from + 17, 2);
        int offsetHours = digits(chars, from + 21, 2);
        int offsetMinutes = digits(chars, from + 23, 2);
        if ((year | month | day | hour | minute | second | offsetHours | offsetMinutes) < 0) {
            return OTHER_SHAPE;
        }
        int date = (year * 100 + month) * 100 + day;
        if (date != lastDate) {
            lastEpochDay = LocalDate.of(year, month, day).toEpochDay(); // validates, throws out of range
            lastDate = date;
        }
        if (hour > 23 || minute > 59 || second > 59) {
            LocalTime.of(hour, minute, second); // throws the usual DateTimeException
        }
        int offset = (sign == '-' ? 10_000 : 0) + offsetHours * 100 + offsetMinutes;
        if (offset != lastOffset) {
            lastOffsetSeconds = (sign == '-'
                    ? ZoneOffset.ofHoursMinutes(-offsetHours, -offsetMinutes)
                    : ZoneOffset.ofHoursMinutes(offsetHours, offsetMinutes)).getTotalSeconds();
            lastOffset = offset;
        }
        // what LocalDateTime.toEpochSecond(offset) computes
        return lastEpochDay * 86_400 + hour * 3_600 + minute * 60 + second - lastOffsetSeconds;
    }

    /** The number of {@code length} ASCII digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(char[] chars, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            char c = chars[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

}
