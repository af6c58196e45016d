package io.settlekit.formats.billing;

import com.fasterxml.jackson.databind.JsonNode;
import io.settlekit.base.ErrorCode;
import io.settlekit.base.ValidationException;
import io.settlekit.billing.BillingDates;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * Strict readers of the settlement wire fields. Each takes the JSON name of the field and the name to
 * report in errors (the JSON name, prefixed with its place in a request, e.g. {@code plans[1].begin_day}).
 *
 * <p>Thread-safe: static functions over an immutable formatter.
 */
public final class WireFields {
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private WireFields() {
    }

    /** Whether the field is present and not null. */
    public static boolean has(JsonNode object, String name) {
        JsonNode node = object.get(name);
        return node != null && !node.isNull();
    }

    /** A required integer: a JSON integer, or a string of digits (form posts send those). */
    public static int integer(JsonNode object, String name, String field) {
        JsonNode node = required(object, name, field);
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isTextual() && node.textValue().strip().matches("[+-]?[0-9]{1,9}")) {
            return Integer.parseInt(node.textValue().strip());
        }
        throw ValidationException.invalid(field, node.isTextual() ? node.textValue() : node.toString(), "must be an integer");
    }

    /** A required count of fen: a JSON integer that fits 64 bits. */
    public static long fen(JsonNode object, String name, String field) {
        JsonNode node = required(object, name, field);
        if (!node.isIntegralNumber()) {
            throw ValidationException.invalid(field, node.toString(), "must be an integer number of fen");
        }
        if (!node.canConvertToLong()) {
            throw new ValidationException(ErrorCode.ARITHMETIC_OVERFLOW, field, node.asText(), "does not fit a 64-bit count of fen");
        }
        return node.longValue();
    }

    /** A required, non-blank string; JSON integers are taken as their decimal text (order ids may be numbers). */
    public static String text(JsonNode object, String name, String field) {
        JsonNode node = required(object, name, field);
        if (node.isIntegralNumber()) {
            return node.asText();
        }
        if (!node.isTextual()) {
            throw ValidationException.invalid(field, node.toString(), "must be a string");
        }
        if (node.textValue().isBlank()) {
            throw ValidationException.missing(field);
        }
        return node.textValue();
    }

    /** An optional string. */
    public static Optional<String> optionalText(JsonNode object, String name, String field) {
        return has(object, name) ? Optional.of(text(object, name, field)) : Optional.empty();
    }

    /** A required {@code yyyy-MM-dd} date within the calendar's range. */
    public static LocalDate date(JsonNode object, String name, String field) {
        JsonNode node = required(object, name, field);
        if (!node.isTextual()) {
            throw ValidationException.invalid(field, node.toString(), "must be a date yyyy-MM-dd");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(node.textValue(), ISO_DATE);
        } catch (DateTimeParseException e) {
            throw ValidationException.invalid(field, node.textValue(), "must be a date yyyy-MM-dd");
        }
        return BillingDates.check(field, date);
    }

    /**
     * Returns {@code node} when it is a JSON object, else throws naming it: {@code prefix} without its
     * trailing dot (e.g. {@code plans[0]}), or {@code what} at the top level.
     */
    public static JsonNode object(JsonNode node, String prefix, String what) {
        if (node == null || !node.isObject()) {
            throw ValidationException.invalid(prefix.isEmpty() ? what : prefix.substring(0, prefix.length() - 1),
                    String.valueOf(node), "must be a JSON object");
        }
        return node;
    }

    /** The field itself, or a {@code missing_field} error. */
    public static JsonNode required(JsonNode object, String name, String field) {
        JsonNode node = object == null ? null : object.get(name);
        if (node == null || node.isNull()) {
            throw ValidationException.missing(field);
        }
        return node;
    }
}
