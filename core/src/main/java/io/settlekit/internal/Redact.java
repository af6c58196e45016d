package io.settlekit.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps phone numbers out of logs, messages and {@code toString()}: a number is shown with its prefix and
 * last four digits only ({@code +86138****8000}), and free text (a provider's error message) has every run
 * of seven or more digits masked the same way.
 *
 * <p>Thread-safe: static functions over immutable compiled patterns.
 */
public final class Redact {
    private static final Pattern LONG_DIGIT_RUNS = Pattern.compile("\\+?\\d{7,}");
    // 12 to 19 digits, optionally grouped by single spaces or hyphens, not inside a longer run of digits
    private static final Pattern CARD_LIKE = Pattern.compile("(?<![0-9])[0-9](?:[ -]?[0-9]){11,18}(?![0-9])");

    private Redact() {
    }

    /**
     * A phone number masked for display: the first six characters (country code and carrier prefix) and
     * the last four digits are kept, the rest become {@code *}; short values are masked entirely.
     */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        String value = phone.strip();
        if (value.length() < 8) {
            return "*".repeat(value.length());
        }
        int keepHead = Math.min(value.startsWith("+") ? 6 : 3, value.length() - 6);
        return value.substring(0, keepHead) + "*".repeat(value.length() - keepHead - 4) + value.substring(value.length() - 4);
    }

    /**
     * {@code text} with every card- or account-number-like run (12 to 19 digits, optionally grouped by
     * spaces or hyphens) masked to its first six and last four digits ({@code 542523******9903}), the
     * most of a card number PCI DSS lets be shown. Used where a message quotes a value read from a
     * settlement file, whose rows may carry such numbers in any column.
     */
    public static String cardNumbers(String text) {
        if (text == null) {
            return "";
        }
        Matcher runs = CARD_LIKE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (runs.find()) {
            String digits = runs.group().replaceAll("[^0-9]", "");
            String masked = digits.substring(0, 6) + "*".repeat(digits.length() - 10) + digits.substring(digits.length() - 4);
            runs.appendReplacement(out, Matcher.quoteReplacement(masked));
        }
        runs.appendTail(out);
        return out.toString();
    }

    /** {@code text} with every run of seven or more digits masked by {@link #phone(String)}. */
    public static String digits(String text) {
        if (text == null) {
            return "";
        }
        Matcher runs = LONG_DIGIT_RUNS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (runs.find()) {
            runs.appendReplacement(out, Matcher.quoteReplacement(phone(runs.group())));
        }
        runs.appendTail(out);
        return out.toString();
    }
}
