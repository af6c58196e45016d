package io.settlekit.formats.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import io.settlekit.base.ErrorCode;
import io.settlekit.base.ValidationException;
import io.settlekit.money.FeeTypeCodes;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Strict readers for the scalar values of the wire shapes: fen are JSON integers that fit 64 bits (no
 * fractions, no exponents, no strings); decimals are JSON numbers or plain decimal strings, read as
 * {@link BigDecimal} (never through a binary float). Errors name the field and the value.
 *
 * <p>Thread-safe: static conversions of their arguments, no state.
 */
public final class WireValues {
    private WireValues() {
    }

    /** Reads the field {@code name} of {@code object} as fen. */
    public static long fen(JsonNode object, String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            throw ValidationException.missing(name);
        }
        if (!node.isIntegralNumber()) {
            throw ValidationException.invalid(name, node.toString(), "must be an integer number of fen");
        }
        if (!node.canConvertToLong()) {
            throw new ValidationException(ErrorCode.ARITHMETIC_OVERFLOW, name, node.asText(), "does not fit a 64-bit count of fen");
        }
        return node.longValue();
    }

    /** Reads the field {@code name} of {@code object} as an exact decimal. */
    public static BigDecimal decimal(JsonNode object, String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            throw ValidationException.missing(name);
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            String text = node.textValue().strip();
            if (text.matches("[+-]?[0-9]{1,40}(\\.[0-9]{1,40})?")) {
                return new BigDecimal(text);
            }
        }
        throw ValidationException.invalid(name, node.toString(), "must be a decimal number");
    }

    /** Reads the field {@code name} of {@code object} as required text. */
    public static String text(JsonNode object, String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            throw ValidationException.missing(name);
        }
        if (!node.isTextual()) {
            throw ValidationException.invalid(name, node.toString(), "must be a string");
        }
        if (node.textValue().isBlank()) {
            throw ValidationException.missing(name);
        }
        return node.textValue();
    }

    /** Reads an optional fee type field; an absent or null one is CNY (rule R1.4 of docs/rules.md). */
    public static String feeTypeOrDefault(JsonNode object, String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return FeeTypeCodes.DEFAULT;
        }
        return FeeTypeCodes.check(name, text(object, name));
    }

    /** Reads the current token of {@code parser} as a tree, requiring a JSON object. */
    public static JsonNode object(JsonParser parser, DeserializationContext context, String what) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw ValidationException.invalid(what, parser.getText(), "must be a JSON object");
        }
        return tree(parser, context, what);
    }

    /**
     * Reads the current value of {@code parser} as a tree. Jackson reads floating-point numbers as
     * {@code BigDecimal} here and throws a bare {@link NumberFormatException} for one it cannot hold
     * ({@code 99999e999999999999999}, found by fuzzing): that becomes the value's typed error.
     */
    public static JsonNode tree(JsonParser parser, DeserializationContext context, String what) throws IOException {
        try {
            return context.readTree(parser);
        } catch (NumberFormatException e) {
            throw numberOutOfRange(what);
        }
    }

    /** The typed error of a JSON number too large for a {@code BigDecimal} inside {@code what}. */
    public static ValidationException numberOutOfRange(String what) {
        return ValidationException.invalid(what, "a number", "holds a number out of range (exponent beyond ±999,999,999)");
    }
}
