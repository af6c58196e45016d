package io.settlekit.resilience.fuzz;

import static io.settlekit.resilience.fuzz.FuzzChecks.check;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.settlekit.files.report.CsvReportWriter;
import io.settlekit.files.report.ReportFormat;
import io.settlekit.files.report.ReportWriter;
import io.settlekit.money.Amount;
import io.settlekit.reconcile.Channel;
import io.settlekit.reconcile.Direction;
import io.settlekit.reconcile.LineKind;
import io.settlekit.reconcile.ReconciledItem;
import io.settlekit.reconcile.ReconciliationSummary;
import io.settlekit.reconcile.Receivable;
import io.settlekit.reconcile.Reconciler;
import io.settlekit.reconcile.ReportKey;
import io.settlekit.reconcile.SettlementLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Coverage-guided fuzzing of the CSV and JSON-lines report writers with the texts a provider file can carry
 * (reference, transaction id, event code, file name) and any amounts. Whatever the texts: the CSV reads back
 * with one row per item, no text cell begins with a formula character ({@code = + - @}, tab, CR), each text
 * is the original or the original after a {@code '}, every amount cell is a plain decimal equal to the
 * amount; the JSON lines give every text back exactly. Seeds: {@code CsvReportFuzzITInputs/report/}.
 */
class CsvReportFuzzIT {
    private static final ReportKey KEY = new ReportKey(Channel.AFTERPAY, "fuzz", LocalDate.of(2025, 3, 14));
    private static final Instant T = Instant.parse("2025-03-14T07:14:22Z");
    private static final String TRIGGERS = "=+-@\t\r";
    private static final Set<Integer> AMOUNTS = Set.of(7, 8, 9, 11, 12);

    @FuzzTest(maxDuration = "20s")
    void report(FuzzedDataProvider data) {
        String reference = data.consumeString(60);
        String transactionId = data.consumeString(60);
        String eventCode = data.consumeString(20);
        String file = data.consumeString(40);
        long gross = data.consumeLong(-1_000_000_000_000L, 1_000_000_000_000L);
        long fee = data.consumeLong(-1_000_000_000L, 1_000_000_000L);
        long expected = data.consumeLong(0, 1_000_000_000_000L);
        LineKind kind = data.pickValue(LineKind.values());
        // texts as a parser hands them out: stripped, non-blank ids and file, well-formed UTF-16 (files are strictly decoded)
        if (transactionId.isBlank() || file.isBlank() || !wellFormed(reference + transactionId + eventCode + file)) {
            return;
        }
        SettlementLine line = new SettlementLine(Channel.AFTERPAY, transactionId, Optional.of(reference), kind, eventCode,
                Amount.ofMinor("AUD", gross), Amount.ofMinor("AUD", fee), T, file, 2);
        List<ReconciledItem> items = new ArrayList<>();
        List<Receivable> receivables = line.orderReference().isPresent()
                ? List.of(new Receivable(line.orderReference().get(), Direction.FORWARD, Amount.ofMinor("AUD", expected), T))
                : List.of();
        Reconciler reconciler = new Reconciler(KEY, receivables, items::add);
        reconciler.accept(line);
        ReconciliationSummary summary = reconciler.finish(List.of(line.file()));

        List<CsvRecord> rows = csvRows(write(ReportFormat.CSV, items, summary));
        check(rows.get(0).getFields().equals(List.of(CsvReportWriter.HEADER)), "header row " + rows.get(0));
        for (CsvRecord row : rows.subList(1, rows.size())) {
            check(row.getFieldCount() == CsvReportWriter.HEADER.length, "row of " + row.getFieldCount() + " fields");
            for (int column = 0; column < row.getFieldCount(); column++) {
                String cell = row.getField(column);
                if (AMOUNTS.contains(column)) {
                    check(cell.isEmpty() || cell.matches("-?[0-9]+\\.[0-9]{2}"), "amount cell '" + cell + "'");
                } else {
                    check(cell.isEmpty() || TRIGGERS.indexOf(cell.charAt(0)) < 0, "text cell " + column + " '" + cell + "'");
                }
            }
        }
        for (int i = 0; i < items.size(); i++) {
            ReconciledItem item = items.get(i);
            CsvRecord row = rows.get(1 + i);
            check(row.getField(1).equals(shown(item.reference().orElse(""))), "reference " + row.getField(1));
            item.line().ifPresent(l -> {
                check(row.getField(3).equals(shown(l.transactionId())), "transaction id " + row.getField(3));
                check(row.getField(5).equals(shown(l.eventCode())), "event code " + row.getField(5));
                check(row.getField(15).equals(shown(l.file())), "file " + row.getField(15));
                check(new BigDecimal(row.getField(7)).compareTo(l.gross().toMajor()) == 0, "gross " + row.getField(7));
                check(new BigDecimal(row.getField(8)).compareTo(l.fee().toMajor()) == 0, "fee " + row.getField(8));
            });
        }

        List<JsonNode> json = jsonLines(write(ReportFormat.JSON_LINES, items, summary));
        check(json.size() == items.size() + 1, json.size() + " JSON lines for " + items.size() + " items");
        for (int i = 0; i < items.size(); i++) {
            ReconciledItem item = items.get(i);
            check(json.get(i).path("reference").asText().equals(item.reference().orElse("")), "JSON reference");
            JsonNode settlement = json.get(i).path("settlement");
            item.line().ifPresent(l -> {
                check(settlement.path("transaction_id").asText().equals(l.transactionId()), "JSON transaction id");
                check(settlement.path("event_code").asText().equals(l.eventCode()), "JSON event code");
                check(settlement.path("file").asText().equals(l.file()), "JSON file");
                check(settlement.path("gross").path("fee").asLong() == l.gross().fen(), "JSON gross");
            });
        }
    }

    /** What a spreadsheet user must see for {@code text}: itself, or itself after a quote when it would start a formula. */
    private static String shown(String text) {
        return !text.isEmpty() && TRIGGERS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String write(ReportFormat format, List<ReconciledItem> items, ReconciliationSummary summary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReportWriter writer = format.open(out)) {
            items.forEach(writer::item);
            writer.summary(summary);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<CsvRecord> csvRows(String csv) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv)) {
            return reader.stream().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> jsonLines(String text) {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> nodes = new ArrayList<>();
        try {
            for (String line : text.split("\n", -1)) {
                if (!line.isEmpty()) {
                    nodes.add(mapper.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return nodes;
    }
}
