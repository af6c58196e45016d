package io.settlekit.resilience.secrets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The planted sensitive values and the texts scanned for them. A value leaks when a text holds it whole,
 * or any {@code window} consecutive characters of it: a partly masked value still leaks when its hidden
 * part shows (a phone number's middle digits, the middle of a key). Windows are chosen so that the
 * accepted masks ({@code +86139****8642}, card numbers to their first six and last four digits) have none.
 */
final class LeakScanner {
    private record Planted(String label, String value, int window) {
    }

    private final List<Planted> planted = new ArrayList<>();
    private final Map<String, Integer> textsBySource = new LinkedHashMap<>();
    private final List<String> findings = new ArrayList<>();
    private long characters;

    /** Plants {@code value}: it must not appear whole, nor any {@code window} characters of it in a row. */
    LeakScanner plant(String label, String value, int window) {
        planted.add(new Planted(label, value, window));
        return this;
    }

    /** Scans one text (a log capture, an exception's stack trace, a {@code toString()}) from {@code source}. */
    void scan(String source, String text) {
        textsBySource.merge(source, 1, Integer::sum);
        characters += text.length();
        findings.addAll(findingsIn(source, text));
    }

    /** The leaks of {@code text} without recording it: lets a test prove the scanner catches one. */
    List<String> findingsIn(String source, String text) {
        List<String> found = new ArrayList<>();
        for (Planted p : planted) {
            String value = p.value();
            for (int start = 0; start + p.window() <= value.length(); start++) {
                String part = value.substring(start, start + p.window());
                int at = text.indexOf(part);
                if (at >= 0) {
                    found.add(source + ": " + p.label() + (part.equals(value) ? " whole" : " in part (" + p.window() + " characters)")
                            + " near «" + text.substring(Math.max(0, at - 40), Math.min(text.length(), at + part.length() + 40))
                                    .replace(value, "<" + p.label() + ">").replace(part, "<part of " + p.label() + ">") + "»");
                    break;
                }
            }
        }
        return found;
    }

    /** Every leak found so far. */
    List<String> findings() {
        return List.copyOf(findings);
    }

    /** How many texts were scanned, by source. */
    Map<String, Integer> textsBySource() {
        return Map.copyOf(textsBySource);
    }

    /** How many texts were scanned. */
    int texts() {
        return textsBySource.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** How many values are planted. */
    int plantedValues() {
        return planted.size();
    }

    /** How many characters were scanned. */
    long characters() {
        return characters;
    }
}
