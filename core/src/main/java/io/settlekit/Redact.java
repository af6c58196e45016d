package io.settlekit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps phone numbers out of logs, messages and {@code toString()}: a number is shown with its prefix and
 * last four digits only ({@code +86138****8000}), and free text (a provider's error message) has every run
 * of seven or more digits masked the same way.
 */
public final class Redact {
    private static final Pattern LONG_DIGIT_RUNS = Pattern.compile("\\+?\\d{7,}");

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
