package io.settlekit.formats.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.settlekit.base.ErrorCode;
import io.settlekit.base.SettlekitException;
import io.settlekit.base.ValidationException;
import io.settlekit.formats.billing.BillingJacksonModule;

import java.util.stream.Collectors;

/**
 * A ready {@link ObjectMapper} for the wire shapes, and readers that turn every malformed document into
 * the SDK's typed errors.
 *
 * <p>Thread-safe: static factories, each call returns a new mapper.
 */
public final class SettlekitJson {
    private SettlekitJson() {
    }

    /**
     * A new mapper with {@link SettlekitJacksonModule} (and the settlement module), exact decimals for floating-point JSON numbers,
     * duplicate keys rejected, and the SDK's errors passed through unwrapped.
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new SettlekitJacksonModule())
                .addModule(new BillingJacksonModule())
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // {"fee":1,"fee":100000}: parsers disagree on which one counts, so neither does
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.WRAP_EXCEPTIONS)
                .build();
    }

    /**
     * Reads {@code json} as {@code type}. A document that is not well-formed JSON gives
     * {@link ErrorCode#MALFORMED_INPUT}; a well-formed one with bad values gives the validation error of
     * the offending field.
     */
    public static <T> T read(ObjectMapper mapper, String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    /** Reads a tree {@code node} as {@code type}, with the errors of {@link #read(ObjectMapper, String, Class)}. */
    public static <T> T read(ObjectMapper mapper, JsonNode node, Class<T> type) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    /**
     * The SDK's error as the commands print it: {@code {"error":{"code":…,"field":…,"message":…}}}, field
     * {@code null} when the error concerns no single field.
     */
    public static com.fasterxml.jackson.databind.node.ObjectNode error(ObjectMapper mapper, SettlekitException e) {
        com.fasterxml.jackson.databind.node.ObjectNode error = mapper.createObjectNode();
        com.fasterxml.jackson.databind.node.ObjectNode body = error.putObject("error");
        body.put("code", e.code());
        body.put("field", e.field().orElse(null));
        body.put("message", e.getMessage());
        return error;
    }

    /** Turns a Jackson parsing or mapping failure into a typed error naming the JSON path when known. */
    public static SettlekitException malformed(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String path = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return new ValidationException(ErrorCode.INVALID_VALUE, path, null, e.getOriginalMessage());
        }
        JsonParser parser = e instanceof StreamReadException read ? read.getProcessor() : null;
        if (parser != null && e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate")
                && parser.getParsingContext() != null && parser.getParsingContext().getCurrentName() != null) {
            String key = parser.getParsingContext().getCurrentName();
            return new ValidationException(ErrorCode.MALFORMED_INPUT, key, null, "appears twice in one JSON object");
        }
        return new ValidationException(ErrorCode.MALFORMED_INPUT, "json", null,
                "is not well-formed JSON: " + e.getOriginalMessage());
    }
}
