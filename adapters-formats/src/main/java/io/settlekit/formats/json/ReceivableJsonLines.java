package io.settlekit.formats.json;

import io.settlekit.formats.wire.WireValues;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.settlekit.base.InfrastructureException;
import io.settlekit.reconcile.MalformedFileException;
import io.settlekit.base.SettlekitException;
import io.settlekit.base.ValidationException;
import io.settlekit.money.Amount;
import io.settlekit.reconcile.Direction;
import io.settlekit.reconcile.Receivable;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

/**
 * Receivables as JSON lines, one object per line:
 * {@code {"reference":"ORD-1","direction":"forward","amount":{"fee":8990,"fee_type":"USD"},"time":"2025-03-14T07:14:22Z"}}.
 * {@code time} is an ISO-8601 instant or offset date-time; an amount without {@code fee_type} is CNY.
 * Blank lines are skipped; a bad line is a {@link MalformedFileException} naming the line and field.
 *
 * <p>Thread-safe: its only state is an object mapper configured at construction, which Jackson makes safe to share.
 */
public final class ReceivableJsonLines {
    private final ObjectMapper mapper = SettlekitJson.newMapper();

    /** Reads every line of {@code in} (named {@code file} in errors) and sends each receivable to {@code sink}. */
    public long read(String file, BufferedReader in, Consumer<Receivable> sink) {
        long number = 0;
        long count = 0;
        try {
            String text;
            while ((text = in.readLine()) != null) {
                number++;
                if (!text.isBlank()) {
                    sink.accept(parse(file, number, text));
                    count++;
                }
            }
        } catch (IOException e) {
            throw new InfrastructureException("reading receivables from " + file, e);
        }
        return count;
    }

    /** Parses one line. */
    public Receivable parse(String file, long number, String text) {
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || !node.isObject()) {
                throw ValidationException.invalid("receivable", text.length() > 40 ? text.substring(0, 40) + "…" : text, "must be a JSON object");
            }
            JsonNode amount = node.get("amount");
            if (amount == null || !amount.isObject()) {
                throw amount == null ? ValidationException.missing("amount") : ValidationException.invalid("amount", amount, "must be {\"fee\",\"fee_type\"}");
            }
            return new Receivable(WireValues.text(node, "reference"),
                    Direction.of("direction", WireValues.text(node, "direction")),
                    Amount.ofMinor(WireValues.feeTypeOrDefault(amount, "fee_type"), WireValues.fen(amount, "fee")),
                    time(WireValues.text(node, "time")));
        } catch (JsonProcessingException e) {
            SettlekitException malformed = SettlekitJson.malformed(e);
            throw new MalformedFileException(file, number, malformed.field().orElse("json"), malformed.getMessage(), e);
        } catch (SettlekitException e) {
            throw new MalformedFileException(file, number, e.field().orElse("receivable"), e.getMessage(), e);
        } catch (NumberFormatException e) {
            ValidationException outOfRange = WireValues.numberOutOfRange("receivable");
            throw new MalformedFileException(file, number, "receivable", outOfRange.getMessage(), outOfRange);
        }
    }

    private static Instant time(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw ValidationException.invalid("time", text, "must be an ISO-8601 instant such as 2025-03-14T07:14:22Z");
            }
        }
    }
}
