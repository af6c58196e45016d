package io.settlekit.formats.paypal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A fast path for the one time shape of STL files, {@code yyyy/MM/dd HH:mm:ss ±HHmm}: read by position
 * instead of through {@code DateTimeFormatter}, which cost ~1.5 µs per row and was the largest single
 * cost of reconciling a file (measured in the reconciliation benchmark). Values out of range still fail
 * through {@link LocalDateTime#of} and {@link ZoneOffset#ofHoursMinutes}.
 */
final class PaypalTimes {
    private static final int LENGTH = "2025/03/14 00:14:22 -0700".length();

    private PaypalTimes() {
    }

    /** The instant of {@code text}, or {@code null} when it is not in the usual shape (the caller falls back). */
    static Instant parse(String text) {
        if (text.length() != LENGTH || text.charAt(4) != '/' || text.charAt(7) != '/' || text.charAt(10) != ' '
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != ' ') {
            return null;
        }
        char sign = text.charAt(20);
        if (sign != '+' && sign != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int offsetHours = digits(text, 21, 2);
        int offsetMinutes = digits(text, 23, 2);
        if ((year | month | day | hour | minute | second | offsetHours | offsetMinutes) < 0) {
            return null;
        }
        ZoneOffset offset = sign == '-'
                ? ZoneOffset.ofHoursMinutes(-offsetHours, -offsetMinutes)
                : ZoneOffset.ofHoursMinutes(offsetHours, offsetMinutes);
        return Instant.ofEpochSecond(LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(offset));
    }

    /** The number of {@code length} ASCII digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(String text, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
