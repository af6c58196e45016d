package io.settlekit.files.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.InfrastructureException;
import io.settlekit.base.ValidationException;
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
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A report is written whole or not at all: a reconciliation that fails after some items leaves nothing on
 * the stream and no file; a published report is on disk before it has its name; a dead writer's temporary
 * file is never a report and is cleaned by the next run.
 */
class AllOrNothingReportsTest {
    private static final ReportKey KEY = new ReportKey(Channel.AFTERPAY, "au-cupshe", LocalDate.of(2025, 3, 14));
    private static final Instant T = Instant.parse("2025-03-14T07:14:22Z");

    @TempDir
    Path folder;

    private static SettlementLine line(String id, long fen) {
        return new SettlementLine(Channel.AFTERPAY, id, Optional.of("SHOP-" + id), LineKind.PAYMENT, "Order",
                Amount.ofMinor("AUD", fen), Amount.zero("AUD"), T, "afterpay.csv", 2);
    }

    /** Reconciles three lines into {@code sink}; the third makes the gross total overflow 64 bits. */
    private static void reconcileUntilTheTotalsOverflow(java.util.function.Consumer<ReconciledItem> sink) {
        Reconciler reconciler = new Reconciler(KEY, List.of(new Receivable("SHOP-a", Direction.FORWARD, Amount.ofMinor("AUD", 100), T)), sink);
        reconciler.accept(line("a", 100));
        reconciler.accept(line("b", Long.MAX_VALUE - 1000));
        reconciler.accept(line("c", 5000));
    }

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void aStagedReportThatFailsAfterSomeItemsWritesNothingAndLeavesNoFile(ReportFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> itemsWritten = new ArrayList<>();

        assertThatThrownBy(() -> {
            try (ReportWriter writer = new StagedReportWriter(format, out, folder)) {
                reconcileUntilTheTotalsOverflow(item -> {
                    writer.item(item);
                    itemsWritten.add(1);
                });
            }
        }).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.code()).isEqualTo("arithmetic_overflow"));

        assertThat(itemsWritten).hasSize(2); // items were written before the failure...
        assertThat(out.size()).isZero(); // ...and none reached the stream
        assertThat(files()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void aStagedReportThatCompletesIsExactlyTheDirectOne(ReportFormat format) throws IOException {
        ByteArrayOutputStream staged = new ByteArrayOutputStream();
        ByteArrayOutputStream direct = new ByteArrayOutputStream();
        List<ReconciledItem> items = new ArrayList<>();
        Reconciler reconciler = new Reconciler(KEY, List.of(new Receivable("SHOP-a", Direction.FORWARD, Amount.ofMinor("AUD", 100), T)), items::add);
        reconciler.accept(line("a", 100));
        reconciler.accept(line("b", -250));
        ReconciliationSummary summary = reconciler.finish(List.of("afterpay.csv"));

        try (ReportWriter writer = new StagedReportWriter(format, staged, folder)) {
            items.forEach(writer::item);
            assertThat(staged.size()).isZero();
            writer.summary(summary);
        }
        try (ReportWriter writer = format.open(direct)) {
            items.forEach(writer::item);
            writer.summary(summary);
        }

        assertThat(staged.toString(StandardCharsets.UTF_8)).isEqualTo(direct.toString(StandardCharsets.UTF_8)).isNotEmpty();
        assertThat(files()).isEmpty();
    }

    @Test
    void aPublishedReportIsSyncedToDiskWholeBeforeItTakesTheReportsName() throws IOException {
        Path report = folder.resolve("afterpay-au-cupshe-2025-03-14.jsonl");
        Files.writeString(report, "the earlier report\n");
        List<String> seenAtSync = new ArrayList<>();
        DirectoryReconciliationReports reports = new DirectoryReconciliationReports(folder, ReportFormat.JSON_LINES, (channel, file) -> {
            channel.force(true);
            // what is on disk at the sync: the whole new report in the temporary file, the old one still published
            seenAtSync.add(file.getFileName().toString());
            seenAtSync.add(Files.readString(file).lines().reduce((a, b) -> b).orElse(""));
            seenAtSync.add(Files.readString(report));
        });

        ReportDraft draft = reports.begin(KEY);
        List<ReconciledItem> items = new ArrayList<>();
        Reconciler reconciler = new Reconciler(KEY, List.of(), items::add);
        reconciler.accept(line("a", 100));
        items.forEach(draft::add);
        draft.publish(reconciler.finish(List.of("afterpay.csv")));

        assertThat(seenAtSync).hasSize(3);
        assertThat(DirectoryReconciliationReports.isTemporary(Path.of(seenAtSync.get(0)))).isTrue();
        assertThat(seenAtSync.get(1)).startsWith("{\"summary\":");
        assertThat(seenAtSync.get(2)).isEqualTo("the earlier report\n");
        assertThat(Files.readString(report)).contains("\"summary\"");
        assertThat(files()).containsExactly("afterpay-au-cupshe-2025-03-14.jsonl");
    }

    @Test
    void aFailedSyncPublishesNothingAndKeepsTheEarlierReport() throws IOException {
        Path report = folder.resolve("afterpay-au-cupshe-2025-03-14.jsonl");
        Files.writeString(report, "the earlier report\n");
        DirectoryReconciliationReports reports = new DirectoryReconciliationReports(folder, ReportFormat.JSON_LINES, (channel, file) -> {
            throw new IOException("disk full");
        });

        ReportDraft draft = reports.begin(KEY);
        Reconciler reconciler = new Reconciler(KEY, List.of(), draft::add);
        reconciler.accept(line("a", 100));
        ReconciliationSummary summary = reconciler.finish(List.of("afterpay.csv"));

        assertThatThrownBy(() -> draft.publish(summary)).isInstanceOf(InfrastructureException.class);
        assertThat(Files.readString(report)).isEqualTo("the earlier report\n");
        assertThat(files()).containsExactly("afterpay-au-cupshe-2025-03-14.jsonl");
    }

    @Test
    void aDeadWritersTemporaryFileIsNoReportAndTheNextRunCleansIt() throws IOException {
        DirectoryReconciliationReports reports = new DirectoryReconciliationReports(folder, ReportFormat.JSON_LINES);
        ReportKey other = new ReportKey(Channel.AFTERPAY, "nz-cupshe", KEY.date());
        // a writer that dies (killed) after some items: its draft is neither published nor discarded
        ReportDraft dead = reports.begin(KEY);
        dead.add(firstItem());
        ReportDraft otherReport = reports.begin(other); // another report's draft, in progress
        assertThat(files()).hasSize(2).allMatch(name -> DirectoryReconciliationReports.isTemporary(Path.of(name)));
        assertThat(Files.exists(reports.pathOf(KEY))).isFalse();

        ReportDraft next = new DirectoryReconciliationReports(folder, ReportFormat.JSON_LINES).begin(KEY);
        assertThat(files()).hasSize(2); // the dead draft's file is gone, the new draft and the other report's remain
        Reconciler reconciler = new Reconciler(KEY, List.of(), next::add);
        reconciler.accept(line("a", 100));
        next.publish(reconciler.finish(List.of("afterpay.csv")));

        assertThat(files()).hasSize(2).contains("afterpay-au-cupshe-2025-03-14.jsonl");
        assertThat(files()).filteredOn(name -> DirectoryReconciliationReports.isTemporary(Path.of(name))).singleElement()
                .satisfies(name -> assertThat(name).startsWith(".afterpay-nz-cupshe-2025-03-14.jsonl."));
        otherReport.discard();
        assertThat(files()).containsExactly("afterpay-au-cupshe-2025-03-14.jsonl");
    }

    private static ReconciledItem firstItem() {
        List<ReconciledItem> items = new ArrayList<>();
        Reconciler reconciler = new Reconciler(KEY, List.of(), items::add);
        reconciler.accept(line("a", 100));
        return items.get(0);
    }
}
