package io.settlekit.files.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.settlekit.base.InfrastructureException;
import io.settlekit.money.Amount;
import io.settlekit.money.CurrencyTotals;
import io.settlekit.reconcile.ItemCategory;
import io.settlekit.reconcile.ReconciledItem;
import io.settlekit.reconcile.ReconciliationSummary;
import io.settlekit.reconcile.Receivable;
import io.settlekit.reconcile.SettlementLine;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * The JSON-lines report: one object per item, amounts as {@code {"fee":…,"fee_type":…}} (integers in
 * minor units), times as ISO-8601 instants, then one {@code {"summary":…}} line. Streams through Jackson's
 * generator; nothing is kept.
 *
 * <pre>
 * {"category":"amount_mismatch","reference":"SHOP-20454","direction":"forward",
 *  "settlement":{"transaction_id":"…","kind":"payment","event_code":"Order","gross":{"fee":15000,"fee_type":"AUD"},
 *                "fee":{…},"net":{…},"time":"…","file":"…","line":5},
 *  "receivable":{"reference":"SHOP-20454","direction":"forward","amount":{"fee":25000,"fee_type":"AUD"},"time":"…"},
 *  "difference":{"fee":-10000,"fee_type":"AUD"}}
 * </pre>
 *
 * <p>Not thread-safe: one generator over one stream; one instance per report, on one thread.
 */
public final class JsonLinesReportWriter implements ReportWriter {
    private static final JsonFactory JSON = new JsonFactory();

    private final JsonGenerator json;
    private final OutputStream out;

    /** A writer onto {@code out}. */
    public JsonLinesReportWriter(OutputStream out) {
        this.out = out;
        try {
            this.json = JSON.createGenerator(out, JsonEncoding.UTF8).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.setRootValueSeparator(null); // each value ends its own line; no space before the next

        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void item(ReconciledItem item) {
        try {
            json.writeStartObject();
            json.writeStringField("category", item.category().code());
            json.writeStringField("reference", item.reference().orElse(""));
            json.writeStringField("direction", item.direction().map(d -> d.code()).orElse(""));
            if (item.line().isPresent()) {
                line(item.line().get());
            }
            if (item.receivable().isPresent()) {
                receivable(item.receivable().get());
            }
            if (item.difference().isPresent()) {
                amount("difference", item.difference().get());
            }
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void summary(ReconciliationSummary summary) {
        try {
            json.writeStartObject();
            json.writeObjectFieldStart("summary");
            json.writeStringField("channel", summary.key().channel().code());
            json.writeStringField("site", summary.key().site());
            json.writeStringField("date", summary.key().date().toString());
            json.writeArrayFieldStart("files");
            for (String file : summary.files()) {
                json.writeString(file);
            }
            json.writeEndArray();
            json.writeNumberField("lines", summary.lines());
            json.writeNumberField("receivables", summary.receivables());
            json.writeObjectFieldStart("counts");
            for (ItemCategory category : ItemCategory.values()) {
                json.writeNumberField(category.code(), summary.count(category));
            }
            json.writeEndObject();
            json.writeObjectFieldStart("totals");
            for (ItemCategory category : ItemCategory.values()) {
                json.writeObjectFieldStart(category.code());
                totals("settled", summary.settled().get(category));
                totals("expected", summary.expected().get(category));
                json.writeEndObject();
            }
            json.writeEndObject();
            totals("gross", summary.gross());
            totals("fees", summary.fees());
            totals("net", summary.net());
            json.writeEndObject();
            json.writeEndObject();
            json.writeRaw('\n');
            json.flush();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void close() {
        try {
            json.close();
            out.flush();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private void line(SettlementLine line) throws IOException {
        json.writeObjectFieldStart("settlement");
        json.writeStringField("provider", line.provider().code());
        json.writeStringField("transaction_id", line.transactionId());
        json.writeStringField("kind", line.kind().code());
        json.writeStringField("event_code", line.eventCode());
        amount("gross", line.gross());
        amount("fee", line.fee());
        amount("net", line.net());
        json.writeStringField("time", line.time().toString());
        json.writeStringField("file", line.file());
        json.writeNumberField("line", line.line());
        json.writeEndObject();
    }

    private void receivable(Receivable receivable) throws IOException {
        json.writeObjectFieldStart("receivable");
        json.writeStringField("reference", receivable.reference());
        json.writeStringField("direction", receivable.direction().code());
        amount("amount", receivable.amount());
        json.writeStringField("time", receivable.time().toString());
        json.writeEndObject();
    }

    private void amount(String name, Amount amount) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeNumberField("fee", amount.fen());
        json.writeStringField("fee_type", amount.feeType());
        json.writeEndObject();
    }

    private void totals(String name, CurrencyTotals totals) throws IOException {
        json.writeObjectFieldStart(name);
        for (Map.Entry<String, Long> total : totals.asMap().entrySet()) {
            json.writeNumberField(total.getKey(), total.getValue());
        }
        json.writeEndObject();
    }

    static InfrastructureException failure(IOException e) {
        return new InfrastructureException("writing a reconciliation report", e);
    }
}
