package io.settlekit.files.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.money.Amount;
import io.settlekit.reconcile.Channel;
import io.settlekit.reconcile.LineKind;
import io.settlekit.reconcile.Reconciler;
import io.settlekit.reconcile.ReportKey;
import io.settlekit.reconcile.SettlementLine;
import io.settlekit.reconcile.ReportDraft;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report writer killed with SIGKILL in the middle of its draft (a JVM of its own,
 * {@link ReportWriterProcess}) leaves only a temporary file that is no report, and the next run of the same
 * report deletes it and publishes whole.
 */
class DeadReportWriterIT {
    private static final ReportKey KEY = new ReportKey(Channel.AFTERPAY, "au-cupshe", LocalDate.of(2025, 3, 14));

    @TempDir
    Path folder;

    private List<Path> files() throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    @Test
    void aKilledWritersDraftIsNoReportAndTheNextRunCleansIt() throws Exception {
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), ReportWriterProcess.class.getName(), folder.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("WRITING");
            writer.destroyForcibly(); // SIGKILL: no finally, no shutdown hook runs
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(writer.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

        DirectoryReconciliationReports reports = new DirectoryReconciliationReports(folder, ReportFormat.JSON_LINES);
        List<Path> left = files();
        assertThat(left).singleElement().satisfies(file -> {
            assertThat(DirectoryReconciliationReports.isTemporary(file)).isTrue();
            assertThat(file.getFileName().toString()).startsWith(".").endsWith(".tmp").isNotEqualTo(reports.pathOf(KEY).getFileName().toString());
            assertThat(Files.size(file)).as("the dead draft had written").isPositive();
        });
        assertThat(Files.exists(reports.pathOf(KEY))).isFalse();

        ReportDraft next = reports.begin(KEY);
        assertThat(files()).doesNotContain(left.get(0)).hasSize(1);
        Reconciler reconciler = new Reconciler(KEY, List.of(), next::add);
        reconciler.accept(new SettlementLine(Channel.AFTERPAY, "TX1", Optional.of("SHOP-1"), LineKind.PAYMENT, "Order",
                Amount.ofMinor("AUD", 100), Amount.zero("AUD"), Instant.parse("2025-03-14T07:14:22Z"), "afterpay.csv", 2));
        next.publish(reconciler.finish(List.of("afterpay.csv")));

        assertThat(files()).containsExactly(reports.pathOf(KEY));
        assertThat(Files.readAllLines(reports.pathOf(KEY))).hasSize(2).last().satisfies(line -> assertThat(line).startsWith("{\"summary\":"));
    }
}
