package io.settlekit.examples.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.settlekit.ErrorCode;
import io.settlekit.SettlekitException;
import io.settlekit.ValidationException;
import io.settlekit.formats.json.SettlekitJson;
import io.settlekit.formats.json.WireValues;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code rules} command: one JSON request per input line, one JSON answer per output line. A bad
 * request answers {@code {"error":{"code":…,"field":…,"message":…}}} and the batch goes on. Blank lines
 * are skipped.
 */
public final class RulesRunner {
    private final ObjectMapper mapper = SettlekitJson.newMapper();
    private final Map<String, RuleOp> ops = new HashMap<>();

    /** A runner with every op of the SDK's contexts. */
    public RulesRunner() {
        ops.putAll(new MoneyOps(mapper).ops());
        ops.putAll(new SettlementOps(mapper).ops());
        ops.putAll(new RefreshOps(mapper).ops());
    }

    /** Answers every line of {@code in} on {@code out}. */
    public void run(BufferedReader in, PrintStream out) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            if (!line.isBlank()) {
                out.println(answer(line));
            }
        }
        out.flush();
    }

    /** Answers one request line. */
    public String answer(String line) {
        try {
            JsonNode request = mapper.readTree(line);
            if (request == null || !request.isObject()) {
                throw ValidationException.invalid("request", line, "must be a JSON object");
            }
            String op = request.path("op").asText("");
            RuleOp handler = ops.get(op);
            if (handler == null) {
                throw op.isEmpty() ? ValidationException.missing("op")
                        : ValidationException.invalid("op", op, "is not one of " + new java.util.TreeSet<>(ops.keySet()));
            }
            return mapper.writeValueAsString(handler.answer(request));
        } catch (JsonProcessingException e) {
            return error(SettlekitJson.malformed(e));
        } catch (SettlekitException e) {
            return error(e);
        } catch (NumberFormatException e) {
            return error(WireValues.numberOutOfRange("request"));
        } catch (RuntimeException e) {
            return error(new ValidationException(ErrorCode.MALFORMED_INPUT, "request", null,
                    "could not be answered: " + e.getClass().getSimpleName()));
        }
    }

    private String error(SettlekitException e) {
        try {
            return mapper.writeValueAsString(SettlekitJson.error(mapper, e));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
