package io.settlekit.reconcile;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A provider's naming convention for daily files: a regular expression over the file name (inside the
 * account's folder) with one {@code {date}} placeholder, and the date's format.
 *
 * <p>The literal text before {@code {date}} plus the formatted date is the listing prefix, so a store
 * lists only the day's candidates; the full expression then decides. Matching files are read in name
 * order, which is the order of split files' sequence numbers.
 *
 * @param pattern    a regular expression with exactly one {@code {date}}, e.g. {@code STL-{date}\.[0-9]{2}\.[0-9]{3}\.CSV}
 * @param dateFormat a {@link DateTimeFormatter} pattern for the date, e.g. {@code yyyyMMdd}
 */
public record FileNaming(String pattern, String dateFormat) {
    private static final String DATE = "{date}";

    /**
     * PayPal's STL name {@code STL-yyyymmdd.NN.VVV.CSV}, read leniently (README of the fixtures: MAM
     * accounts add more fields; sequence and version are taken from the file itself).
     */
    public static final FileNaming PAYPAL_STL = new FileNaming("STL-{date}\\..+\\.(CSV|TXT|csv)", "yyyyMMdd");
    /**
     * A sample Afterpay name, {@code afterpay-settlement-yyyymmdd[-anything].csv}: Afterpay documents no
     * name for S3 drops, so hosts configure theirs.
     */
    public static final FileNaming AFTERPAY_SAMPLE = new FileNaming("afterpay-settlement-{date}([-_.].*)?\\.csv", "yyyyMMdd");

    /** Validates the placeholder, the expression and the date format. */
    public FileNaming {
        pattern = Checks.notBlank("file_naming.pattern", pattern);
        int at = pattern.indexOf(DATE);
        if (at < 0 || pattern.indexOf(DATE, at + 1) >= 0) {
            throw ValidationException.invalid("file_naming.pattern", pattern, "must contain {date} exactly once");
        }
        dateFormat = Checks.notBlank("file_naming.date_format", dateFormat);
        try {
            DateTimeFormatter.ofPattern(dateFormat, Locale.ROOT).format(LocalDate.of(2000, 1, 1));
            Pattern.compile(pattern.replace(DATE, "x"));
        } catch (IllegalArgumentException e) {
            throw ValidationException.invalid(e instanceof PatternSyntaxException ? "file_naming.pattern" : "file_naming.date_format",
                    e instanceof PatternSyntaxException ? pattern : dateFormat, "is not valid: " + e.getMessage());
        }
    }

    /** The listing prefix for {@code date}: the literal text before {@code {date}}, then the formatted date. */
    public String prefix(LocalDate date) {
        String before = pattern.substring(0, pattern.indexOf(DATE));
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < before.length(); i++) {
            char c = before.charAt(i);
            if (c == '\\' && i + 1 < before.length() && !Character.isLetterOrDigit(before.charAt(i + 1))) {
                literal.append(before.charAt(++i));
            } else if ("\\.[]{}()*+?^$|".indexOf(c) >= 0) {
                return literal.toString(); // a regex construct: list from the literal part only
            } else {
                literal.append(c);
            }
        }
        return literal + format(date);
    }

    /** Whether {@code fileName} is a file of {@code date} under this convention. */
    public boolean matches(String fileName, LocalDate date) {
        return compile(date).matcher(fileName).matches();
    }

    private Pattern compile(LocalDate date) {
        int at = pattern.indexOf(DATE);
        return Pattern.compile(pattern.substring(0, at) + Pattern.quote(format(date)) + pattern.substring(at + DATE.length()));
    }

    private String format(LocalDate date) {
        return DateTimeFormatter.ofPattern(dateFormat, Locale.ROOT).format(Checks.present("date", date));
    }
}
