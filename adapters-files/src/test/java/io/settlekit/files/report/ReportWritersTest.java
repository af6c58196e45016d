package io.settlekit.files.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.settlekit.money.Amount;
import io.settlekit.reconcile.Channel;
import io.settlekit.reconcile.Direction;
import io.settlekit.reconcile.ItemCategory;
import io.settlekit.reconcile.LineKind;
import io.settlekit.reconcile.ReconciledItem;
import io.settlekit.reconcile.ReconciliationSummary;
import io.settlekit.reconcile.Receivable;
import io.settlekit.reconcile.Reconciler;
import io.settlekit.reconcile.ReportKey;
import io.settlekit.reconcile.SettlementLine;
import io.settlekit.reconcile.ReportDraft;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWritersTest {
    private static final ReportKey KEY = new ReportKey(Channel.PAYPAL, "fr-cupshe", LocalDate.of(2025, 3, 14));
    private static final Instant T = Instant.parse("2025-03-14T07:14:22Z");

    private final List<ReconciledItem> items = new ArrayList<>();

    private ReconciliationSummary sample() {
        Reconciler reconciler = new Reconciler(KEY, List.of(
                new Receivable("ORD-1", Direction.FORWARD, Amount.ofMinor("USD", 9000), T),
                new Receivable("ORD-2", Direction.FORWARD, Amount.ofMinor("JPY", 4980), T)), items::add);
        reconciler.accept(new SettlementLine(Channel.PAYPAL, "TX1", Optional.of("ORD-1"), LineKind.PAYMENT, "T0006",
                Amount.ofMinor("USD", 8990), Amount.ofMinor("USD", -363), T, "STL.CSV", 5));
        reconciler.accept(new SettlementLine(Channel.PAYPAL, "TX2", Optional.of("ORD-\"2\", x"), LineKind.PAYMENT, "T0006",
                Amount.ofMinor("JPY", 4980), Amount.ofMinor("JPY", -219), T, "STL.CSV", 6));
        return reconciler.finish(List.of("STL.CSV"));
    }

    private String write(ReportFormat format) {
        ReconciliationSummary summary = sample();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReportWriter writer = format.open(out)) {
            items.forEach(writer::item);
            writer.summary(summary);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void jsonLinesHaveOneItemPerLineThenTheSummary() throws IOException {
        String[] lines = write(ReportFormat.JSON_LINES).split("\n");
        ObjectMapper mapper = new ObjectMapper();

        assertThat(lines).hasSize(4).allMatch(line -> line.startsWith("{\"") && line.endsWith("}"));
        JsonNode unexpected = mapper.readTree(lines[0]);
        assertThat(unexpected.get("category").asText()).isEqualTo("unexpected_in_settlement");
        assertThat(unexpected.get("reference").asText()).isEqualTo("ORD-\"2\", x");
        JsonNode mismatch = mapper.readTree(lines[1]);
        assertThat(mismatch.toString()).isEqualTo("{\"category\":\"amount_mismatch\",\"reference\":\"ORD-1\",\"direction\":\"forward\","
                + "\"settlement\":{\"provider\":\"paypal\",\"transaction_id\":\"TX1\",\"kind\":\"payment\",\"event_code\":\"T0006\","
                + "\"gross\":{\"fee\":8990,\"fee_type\":\"USD\"},\"fee\":{\"fee\":-363,\"fee_type\":\"USD\"},\"net\":{\"fee\":8627,\"fee_type\":\"USD\"},"
                + "\"time\":\"2025-03-14T07:14:22Z\",\"file\":\"STL.CSV\",\"line\":5},"
                + "\"receivable\":{\"reference\":\"ORD-1\",\"direction\":\"forward\",\"amount\":{\"fee\":9000,\"fee_type\":\"USD\"},\"time\":\"2025-03-14T07:14:22Z\"},"
                + "\"difference\":{\"fee\":-10,\"fee_type\":\"USD\"}}");
        assertThat(mapper.readTree(lines[2]).get("category").asText()).isEqualTo("missing_in_settlement");
        JsonNode summary = mapper.readTree(lines[3]).get("summary");
        assertThat(summary.get("date").asText()).isEqualTo("2025-03-14");
        assertThat(summary.get("lines").asLong()).isEqualTo(2);
        assertThat(summary.get("counts").get("amount_mismatch").asLong()).isEqualTo(1);
        assertThat(summary.get("counts").get("matched").asLong()).isZero();
        assertThat(summary.get("totals").get("missing_in_settlement").get("expected").get("JPY").asLong()).isEqualTo(4980);
        assertThat(summary.get("net").get("USD").asLong()).isEqualTo(8627);
    }

    @Test
    void csvQuotesTextAndWritesMajorUnitsAndTotals() throws IOException {
        List<CsvRecord> rows;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(write(ReportFormat.CSV))) {
            rows = reader.stream().toList();
        }

        assertThat(rows.get(0).getFields()).containsExactly(CsvReportWriter.HEADER);
        assertThat(rows.get(1).getField(1)).isEqualTo("ORD-\"2\", x");
        assertThat(rows.get(1).getField(7)).isEqualTo("4980");
        assertThat(rows.get(2).getFields().subList(6, 13)).containsExactly("USD", "89.90", "-3.63", "86.27", "USD", "90.00", "-0.10");
        assertThat(rows).extracting(r -> r.getField(0)).contains("total:amount_mismatch", "total:missing_in_settlement", "total:file");
    }

    @Test
    void aDirectoryPublishesAtomicallyAndADiscardedDraftLeavesNothing(@TempDir Path folder) throws IOException {
        DirectoryReconciliationReports reports = new DirectoryReconciliationReports(folder, ReportFormat.JSON_LINES);
        ReconciliationSummary summary = sample();

        ReportDraft draft = reports.begin(KEY);
        items.forEach(draft::add);
        assertThat(Files.exists(reports.pathOf(KEY))).isFalse();
        draft.publish(summary);

        assertThat(reports.pathOf(KEY).getFileName().toString()).isEqualTo("paypal-fr-cupshe-2025-03-14.jsonl");
        assertThat(Files.readAllLines(reports.pathOf(KEY))).hasSize(4);
        assertThatThrownBy(() -> draft.add(items.get(0))).isInstanceOf(IllegalStateException.class);

        ReportDraft second = reports.begin(KEY);
        second.add(items.get(0));
        second.discard();
        assertThat(Files.readAllLines(reports.pathOf(KEY))).hasSize(4);
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("paypal-fr-cupshe-2025-03-14.jsonl");
        }
    }
}
