package io.settlekit.examples.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.settlekit.base.ErrorCode;
import io.settlekit.base.SettlekitException;
import io.settlekit.base.ValidationException;
import io.settlekit.formats.json.SettlekitJson;
import io.settlekit.formats.wire.WireValues;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code rules} command: one JSON request per input line, one JSON answer per output line. A bad
 * request answers {@code {"error":{"code":…,"field":…,"message":…}}} and the batch goes on. Blank lines
 * are skipped. Input is read as bytes: a line longer than the limit ({@value #DEFAULT_MAX_LINE_BYTES} bytes
 * by default) is answered {@code invalid_value} without being held in memory, and a line that is not
 * UTF-8 is answered {@code malformed_input} with the byte offset of its first bad byte (never decoded
 * with replacement characters, which would merge two different ids); the batch goes on after either.
 */
public final class RulesRunner {
    /** The default limit of one request line: 1 MiB. */
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

    private final ObjectMapper mapper = SettlekitJson.newMapper();
    private final Map<String, RuleOp> ops = new HashMap<>();
    private final int maxLineBytes;

    /** A runner with every op of the SDK's contexts and lines of at most {@value #DEFAULT_MAX_LINE_BYTES} bytes. */
    public RulesRunner() {
        this(DEFAULT_MAX_LINE_BYTES);
    }

    /**
     * A runner with every op of the SDK's contexts.
     *
     * @param maxLineBytes the longest request line answered, in bytes without the line end, at least 1
     * @throws ValidationException when {@code maxLineBytes} is not positive
     */
    public RulesRunner(int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw ValidationException.invalid("max_line_bytes", maxLineBytes, "must be at least 1");
        }
        this.maxLineBytes = maxLineBytes;
        ops.putAll(new MoneyOps(mapper).ops());
        ops.putAll(new BillingOps(mapper).ops());
        ops.putAll(new RefreshOps(mapper).ops());
    }

    /**
     * Answers every line of {@code in} (UTF-8 bytes) on {@code out}, one answer line per non-blank line.
     *
     * @throws IOException when {@code in} cannot be read
     */
    public void run(InputStream in, PrintStream out) throws IOException {
        RequestLines lines = new RequestLines(in, maxLineBytes);
        Optional<RequestLines.Line> next;
        while ((next = lines.next()).isPresent()) {
            answer(next.get()).ifPresent(out::println);
        }
        out.flush();
    }

    private Optional<String> answer(RequestLines.Line line) {
        if (line instanceof RequestLines.Text text) {
            return text.text().isBlank() ? Optional.empty() : Optional.of(answer(text.text()));
        }
        if (line instanceof RequestLines.TooLong tooLong) {
            return Optional.of(error(new ValidationException(ErrorCode.INVALID_VALUE, "request", null,
                    "line " + tooLong.number() + " is " + tooLong.bytes() + " bytes, longer than the limit of " + maxLineBytes
                            + " (--max-line-bytes)")));
        }
        RequestLines.NotUtf8 bad = (RequestLines.NotUtf8) line;
        return Optional.of(error(new ValidationException(ErrorCode.MALFORMED_INPUT, "request", null,
                "line " + bad.number() + " is not UTF-8: bad byte at offset " + bad.offset())));
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
