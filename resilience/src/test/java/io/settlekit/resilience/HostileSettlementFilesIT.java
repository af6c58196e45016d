package io.settlekit.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.Settlekit;
import io.settlekit.files.afterpay.AfterpayCsvParser;
import io.settlekit.files.afterpay.AfterpayOptions;
import io.settlekit.files.paypal.PaypalStlParser;
import io.settlekit.files.report.DirectoryReconciliationReports;
import io.settlekit.files.report.ReportFormat;
import io.settlekit.reconcile.Channel;
import io.settlekit.reconcile.ReconcileOutcome;
import io.settlekit.reconcile.SettlementFeed;
import io.settlekit.reconcile.SettlementFeeds;
import io.settlekit.reconcile.Site;
import io.settlekit.reconcile.Sites;
import io.settlekit.reconcile.memory.InMemoryReceivables;
import io.settlekit.reconcile.memory.InMemorySettlementFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile settlement files (truncated, wrong or duplicated headers, BOMs, CRLF, UTF-16, huge lines,
 * exponents, misplaced thousands separators, impossible dates, negative and enormous amounts, unknown
 * codes, injection strings) run through the daily reconciliation: each is {@code Rejected} with the typed
 * error naming file, line and column, and the reports folder stays empty (no report, no draft left over).
 */
class HostileSettlementFilesIT {
    private static final LocalDate DAY = LocalDate.of(2025, 3, 14);
    private static final Sites SITES = Sites.sample();

    @TempDir
    Path reports;

    static Stream<HostileFiles.Case> files() {
        return HostileFiles.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    @Timeout(30)
    void isRejectedNamingFileLineAndColumnAndPublishesNothing(HostileFiles.Case hostile) throws IOException {
        ReconcileOutcome outcome = reconcile(hostile.format(), hostile.content());

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Rejected.class);
        ReconcileOutcome.Rejected rejected = (ReconcileOutcome.Rejected) outcome;
        String detail = rejected.error().getMessage();
        assertThat(rejected.error().code()).isEqualTo("malformed_input");
        assertThat(rejected.error().file()).as(detail).isEqualTo(fileName(hostile.format()));
        assertThat(rejected.error().line()).as(detail).isEqualTo(hostile.line());
        assertThat(rejected.error().column()).as(detail).isEqualTo(hostile.column());
        assertThat(rejected.error().field()).contains(hostile.column());
        assertThat(detail).hasSizeLessThan(600);
        try (Stream<Path> left = Files.list(reports)) {
            assertThat(left).as("reports folder").isEmpty();
        }
    }

    @Test
    void theUntouchedFixturesArePublishedAndSoAreTheirUtf16AndCrlfForms() throws IOException {
        String stl = HostileFiles.stl();
        assertThat(reconcile(HostileFiles.Format.PAYPAL, ("\uFEFF" + stl).getBytes(java.nio.charset.StandardCharsets.UTF_16LE)))
                .isInstanceOf(ReconcileOutcome.Completed.class);
        assertThat(reconcile(HostileFiles.Format.PAYPAL, stl.replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(ReconcileOutcome.Completed.class);
        assertThat(reconcile(HostileFiles.Format.PAYPAL, HostileFiles.fixture(HostileFiles.STL_NAME))).isInstanceOf(ReconcileOutcome.Completed.class);
        assertThat(reconcile(HostileFiles.Format.AFTERPAY, HostileFiles.fixture(HostileFiles.AFTERPAY_NAME))).isInstanceOf(ReconcileOutcome.Completed.class);
        try (Stream<Path> published = Files.list(reports)) {
            assertThat(published).hasSize(2);
        }
    }

    @Test
    void theCorpusCoversBothFormatsWithTwentyOrMoreFilesEach() {
        List<HostileFiles.Case> cases = HostileFiles.all();
        assertThat(cases).filteredOn(c -> c.format() == HostileFiles.Format.PAYPAL).hasSizeGreaterThanOrEqualTo(20);
        assertThat(cases).filteredOn(c -> c.format() == HostileFiles.Format.AFTERPAY).hasSizeGreaterThanOrEqualTo(20);
    }

    private ReconcileOutcome reconcile(HostileFiles.Format format, byte[] content) {
        Channel channel = format == HostileFiles.Format.PAYPAL ? Channel.PAYPAL : Channel.AFTERPAY;
        Site site = SITES.named(format == HostileFiles.Format.PAYPAL ? "fr-cupshe" : "au-cupshe");
        SettlementFeed feed = SettlementFeeds.sample().find(channel, site).orElseThrow();
        Settlekit kit = Settlekit.embedded()
                .settlementFeeds(SettlementFeeds.sample())
                .settlementFiles(new InMemorySettlementFiles().put(feed.account(), fileName(format), content))
                .settlementParser(Channel.PAYPAL, new PaypalStlParser())
                .settlementParser(Channel.AFTERPAY, new AfterpayCsvParser(AfterpayOptions.australia()))
                .receivables(new InMemoryReceivables())
                .reconciliationReports(new DirectoryReconciliationReports(reports, ReportFormat.JSON_LINES))
                .build();
        return kit.dailyReconciliation().run(channel, site, DAY);
    }

    private static String fileName(HostileFiles.Format format) {
        return format == HostileFiles.Format.PAYPAL ? HostileFiles.STL_NAME : HostileFiles.AFTERPAY_NAME;
    }
}
