package io.settlekit.formats.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.settlekit.money.Amount;
import io.settlekit.money.CurrencyTotals;
import io.settlekit.reconcile.ItemCategory;
import io.settlekit.reconcile.ReconciledItem;
import io.settlekit.reconcile.ReconciliationSummary;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeSet;

/**
 * The CSV report, for people and spreadsheets: one row per item with amounts in major units as plain
 * decimals ({@code 89.90}), then, under category {@code total:<category>}, one row per category and
 * currency with the settled gross and expected totals. Written with FastCSV (RFC 4180 quoting).
 */
public final class CsvReportWriter implements ReportWriter {
    /** The header row. */
    public static final String[] HEADER = {"category", "reference", "direction", "transaction_id", "kind", "event_code",
            "currency", "gross", "fee", "net", "receivable_currency", "receivable_amount", "difference",
            "settlement_time", "receivable_time", "file", "line"};

    private final Writer writer;
    private final CsvWriter csv;

    /** A writer onto {@code out}; writes the header row at once. */
    public CsvReportWriter(OutputStream out) {
        this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.csv = CsvWriter.builder().build(writer);
        csv.writeRecord(HEADER);
    }

    @Override
    public void item(ReconciledItem item) {
        String[] row = new String[HEADER.length];
        java.util.Arrays.fill(row, "");
        row[0] = item.category().code();
        row[1] = item.reference().orElse("");
        row[2] = item.direction().map(d -> d.code()).orElse("");
        item.line().ifPresent(line -> {
            row[3] = line.transactionId();
            row[4] = line.kind().code();
            row[5] = line.eventCode();
            row[6] = line.currency();
            row[7] = major(line.gross());
            row[8] = major(line.fee());
            row[9] = major(line.net());
            row[13] = line.time().toString();
            row[15] = line.file();
            row[16] = Long.toString(line.line());
        });
        item.receivable().ifPresent(receivable -> {
            row[10] = receivable.amount().feeType();
            row[11] = major(receivable.amount());
            row[14] = receivable.time().toString();
        });
        item.difference().ifPresent(difference -> row[12] = major(difference));
        csv.writeRecord(row);
    }

    @Override
    public void summary(ReconciliationSummary summary) {
        for (ItemCategory category : ItemCategory.values()) {
            CurrencyTotals settled = summary.settled().get(category);
            CurrencyTotals expected = summary.expected().get(category);
            TreeSet<String> currencies = new TreeSet<>(settled.feeTypes());
            currencies.addAll(expected.feeTypes());
            for (String currency : currencies) {
                String[] row = new String[HEADER.length];
                java.util.Arrays.fill(row, "");
                row[0] = "total:" + category.code();
                row[6] = currency;
                row[7] = settled.get(currency).map(CsvReportWriter::major).orElse("");
                row[10] = currency;
                row[11] = expected.get(currency).map(CsvReportWriter::major).orElse("");
                csv.writeRecord(row);
            }
        }
        for (Map.Entry<String, Long> net : summary.net().asMap().entrySet()) {
            String[] row = new String[HEADER.length];
            java.util.Arrays.fill(row, "");
            row[0] = "total:file";
            row[6] = net.getKey();
            row[7] = summary.gross().get(net.getKey()).map(CsvReportWriter::major).orElse("");
            row[8] = summary.fees().get(net.getKey()).map(CsvReportWriter::major).orElse("");
            row[9] = major(Amount.ofMinor(net.getKey(), net.getValue()));
            csv.writeRecord(row);
        }
        flush();
    }

    @Override
    public void close() {
        flush();
    }

    private void flush() {
        try {
            csv.flush();
            writer.flush();
        } catch (IOException | UncheckedIOException e) {
            throw JsonLinesReportWriter.failure(e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
    }

    private static String major(Amount amount) {
        return amount.toMajor().toPlainString();
    }
}
