package io.settlekit.files.report;

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
 *
 * <p>The CSV is data, not formulas (OWASP "CSV Injection"): a text cell that begins with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return, which a spreadsheet would evaluate, is
 * written with a single quote {@code '} before it ({@code '=HYPERLINK(…)}, {@code '-2+3}). Texts are the
 * provider's ids, references, event codes and file names, and so are untrusted. Amount cells are not
 * prefixed: the SDK formats them itself as plain decimals ({@code -89.90}), which a spreadsheet reads as
 * the number they are and never evaluates. The JSON-lines report keeps every text exactly.
 *
 * <p>Not thread-safe: one writer over one stream; one instance per report, on one thread.
 */
public final class CsvReportWriter implements ReportWriter {
    /** The header row. */
    public static final String[] HEADER = {"category", "reference", "direction", "transaction_id", "kind", "event_code",
            "currency", "gross", "fee", "net", "receivable_currency", "receivable_amount", "difference",
            "settlement_time", "receivable_time", "file", "line"};

    /** The columns holding amounts the SDK formats itself: numbers, never neutralised. */
    private static final boolean[] AMOUNT = new boolean[HEADER.length];

    static {
        for (int column : new int[] {7, 8, 9, 11, 12}) {
            AMOUNT[column] = true;
        }
    }

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
        write(row);
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
                write(row);
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
            write(row);
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

    /** Writes {@code row} with every text cell {@linkplain #cell neutralised}. */
    private void write(String[] row) {
        for (int column = 0; column < row.length; column++) {
            if (!AMOUNT[column]) {
                row[column] = cell(row[column]);
            }
        }
        csv.writeRecord(row);
    }

    /**
     * {@code text} as a spreadsheet shows it and never runs it: prefixed with {@code '} when it begins
     * with a character that starts a formula or a DDE call ({@code = + - @}, tab, carriage return).
     */
    static String cell(String text) {
        if (!text.isEmpty()) {
            switch (text.charAt(0)) {
                case '=', '+', '-', '@', '\t', '\r' -> {
                    return "'" + text;
                }
                default -> {
                    // safe as it is
                }
            }
        }
        return text;
    }

    /** A plain decimal of major units, {@code -89.90}: a number to a spreadsheet, never a formula. */
    private static String major(Amount amount) {
        return amount.toMajor().toPlainString();
    }
}
