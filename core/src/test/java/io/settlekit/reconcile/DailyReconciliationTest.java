package io.settlekit.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.InfrastructureException;
import io.settlekit.Settlekit;
import io.settlekit.job.JobResult;
import io.settlekit.job.RunMode;
import io.settlekit.base.ValidationException;
import io.settlekit.money.Amount;
import io.settlekit.reconcile.memory.InMemoryReceivables;
import io.settlekit.reconcile.memory.InMemoryReconciliationReports;
import io.settlekit.reconcile.memory.InMemorySettlementArchive;
import io.settlekit.reconcile.memory.InMemorySettlementFiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/** The daily job on in-memory adapters, with a toy parser ({@code txn;reference;kind;currency;gross} per line). */
class DailyReconciliationTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2025, 3, 14);
    private static final Site FR = Sites.sample().named("fr-cupshe");
    private static final SettlementFeed SAMPLE = SettlementFeeds.sample().find(Channel.PAYPAL, FR).orElseThrow();
    /** The sample feed, reconciled against the day in the deployment zone. */
    private static final SettlementFeed FEED = new SettlementFeed(SAMPLE.channel(), FR, SAMPLE.account(), SAMPLE.naming());
    private static final SettlementFeeds FEEDS = new SettlementFeeds(List.of(FEED,
            SettlementFeeds.sample().find(Channel.AFTERPAY, Sites.sample().named("au-cupshe")).orElseThrow()));
    private static final ReportKey KEY = new ReportKey(Channel.PAYPAL, "fr-cupshe", DAY);

    /** One settlement line per text line; a line "BROKEN" is malformed. */
    static final SettlementParser TOY = new SettlementParser() {
        @Override
        public long parse(List<SettlementInput> files, Consumer<SettlementLine> sink) {
            long count = 0;
            for (SettlementInput file : files) {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(file.opener().open(), StandardCharsets.UTF_8))) {
                    String text;
                    long number = 0;
                    while ((text = in.readLine()) != null) {
                        number++;
                        if (text.equals("BROKEN")) {
                            throw new MalformedFileException(file.name(), number, "gross", "'BROKEN' is not an amount");
                        }
                        String[] f = text.split(";");
                        sink.accept(new SettlementLine(Channel.PAYPAL, f[0], Optional.of(f[1]), LineKind.valueOf(f[2]), "T",
                                Amount.ofMinor(f[3], Long.parseLong(f[4])), Amount.ofMinor(f[3], 0),
                                Instant.parse("2025-03-14T02:00:00Z"), file.name(), number));
                        count++;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return count;
        }
    };

    private final InMemorySettlementFiles files = new InMemorySettlementFiles();
    private final InMemoryReceivables receivables = new InMemoryReceivables();
    private final InMemoryReconciliationReports reports = new InMemoryReconciliationReports();
    private final InMemorySettlementArchive archive = new InMemorySettlementArchive();
    private final List<ReconcileOutcome> heard = new ArrayList<>();
    private final List<String> started = new ArrayList<>();

    private DailyReconciliation job() {
        return kit().dailyReconciliation();
    }

    private Settlekit kit() {
        return Settlekit.embedded()
                .zone(SHANGHAI)
                .settlementFeeds(FEEDS)
                .settlementFiles(files)
                .settlementParser(Channel.PAYPAL, TOY)
                .receivables(receivables)
                .reconciliationReports(reports)
                .settlementArchive(archive)
                .reconcileListener(new ReconcileListener() {
                    @Override
                    public void fileStarted(ReportKey key, SettlementFile file) {
                        started.add(key + ":" + file.name());
                    }

                    @Override
                    public void finished(ReconcileOutcome outcome) {
                        heard.add(outcome);
                    }
                })
                .build();
    }

    private void drop(String name, String content) {
        files.put(FEED.account(), name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void reconcilesTheDaysSplitFilesAgainstTheDaysReceivablesAndPublishes() {
        drop("STL-20250314.01.009.CSV", "t1;ORD-1;PAYMENT;EUR;7490\n");
        drop("STL-20250314.02.009.CSV", "t2;ORD-2;REFUND;EUR;-1000\n");
        drop("STL-20250313.01.009.CSV", "t0;ORD-0;PAYMENT;EUR;1\n");
        drop("TRR-20250314.01.009.CSV", "x;ORD-X;PAYMENT;EUR;1\n");
        // the day is [2025-03-14 00:00, 2025-03-15 00:00) in Shanghai
        receivables.add(Channel.PAYPAL, FR, new Receivable("ORD-1", Direction.FORWARD, Amount.ofMinor("EUR", 7490), Instant.parse("2025-03-13T16:00:00Z")));
        receivables.add(Channel.PAYPAL, FR, new Receivable("ORD-2", Direction.REVERSE, Amount.ofMinor("EUR", 1000), Instant.parse("2025-03-14T15:59:59Z")));
        receivables.add(Channel.PAYPAL, FR, new Receivable("ORD-9", Direction.FORWARD, Amount.ofMinor("EUR", 1), Instant.parse("2025-03-14T16:00:00Z")));
        receivables.add(Channel.AFTERPAY, FR, new Receivable("ORD-8", Direction.FORWARD, Amount.ofMinor("EUR", 1), Instant.parse("2025-03-14T01:00:00Z")));

        ReconcileOutcome outcome = job().run(Channel.PAYPAL, FR, DAY);

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Completed.class);
        ReconciliationSummary summary = ((ReconcileOutcome.Completed) outcome).summary();
        assertThat(summary.files()).containsExactly("STL-20250314.01.009.CSV", "STL-20250314.02.009.CSV");
        assertThat(summary.count(ItemCategory.MATCHED)).isEqualTo(2);
        assertThat(summary.receivables()).isEqualTo(2);
        assertThat(summary.isClean()).isTrue();
        assertThat(reports.find(KEY).orElseThrow().items()).hasSize(2);
        assertThat(archive.entries()).containsExactlyInAnyOrder(
                "paypal/fr-cupshe/2025-03-14/STL-20250314.01.009.CSV", "paypal/fr-cupshe/2025-03-14/STL-20250314.02.009.CSV");
        assertThat(heard).containsExactly(outcome);
        assertThat(started).containsExactly("paypal/fr-cupshe/2025-03-14:STL-20250314.01.009.CSV",
                "paypal/fr-cupshe/2025-03-14:STL-20250314.02.009.CSV");
    }

    @Test
    void asAJobADayStaysOpenUntilItsFilesArriveAndThenRunsOnce() {
        Settlekit kit = kit();
        ReconciliationJob job = kit.dailyReconciliation().job(Channel.PAYPAL, FR);
        receivables.add(Channel.PAYPAL, FR, new Receivable("ORD-1", Direction.FORWARD, Amount.ofMinor("EUR", 7490), Instant.parse("2025-03-14T02:00:00Z")));

        JobResult<ReconcileOutcome> early = kit.jobRunner().run(job, DAY, RunMode.ONCE_PER_DATE);
        drop("STL-20250314.01.009.CSV", "t1;ORD-1;PAYMENT;EUR;7490\n");
        JobResult<ReconcileOutcome> onTime = kit.jobRunner().run(job, DAY, RunMode.ONCE_PER_DATE);
        JobResult<ReconcileOutcome> again = kit.jobRunner().run(job, DAY, RunMode.ONCE_PER_DATE);

        assertThat(job.name()).isEqualTo("reconcile-paypal-site" + FR.id());
        assertThat(early.status()).isEqualTo(JobResult.Status.RAN_UNFINISHED);
        assertThat(early.result().orElseThrow()).isInstanceOf(ReconcileOutcome.NoFiles.class);
        assertThat(onTime.status()).isEqualTo(JobResult.Status.RAN);
        assertThat(onTime.result().orElseThrow()).isInstanceOf(ReconcileOutcome.Completed.class);
        assertThat(again.status()).isEqualTo(JobResult.Status.ALREADY_DONE);
        assertThat(kit.dailyReconciliation().jobs()).extracting(ReconciliationJob::name)
                .containsExactly("reconcile-paypal-site" + FR.id(), "reconcile-afterpay-site" + Sites.sample().named("au-cupshe").id());
    }

    @Test
    void aSiteWithoutAFeedHasNoJob() {
        assertThatThrownBy(() -> job().job(Channel.PAYPAL, Sites.sample().named("de-cupshe")))
                .isInstanceOf(io.settlekit.base.ValidationException.class).hasMessageContaining("de-cupshe");
    }

    @Test
    void noFilesIsAnOutcomeAndPublishesNothing() {
        drop("STL-20250313.01.009.CSV", "t0;ORD-0;PAYMENT;EUR;1\n");

        ReconcileOutcome outcome = job().run(Channel.PAYPAL, FR, DAY);

        assertThat(outcome).isEqualTo(new ReconcileOutcome.NoFiles(KEY, "STL-20250314"));
        assertThat(outcome.status()).isEqualTo("no_files");
        assertThat(reports.find(KEY)).isEmpty();
    }

    @Test
    void aMalformedFileIsRejectedAndNoPartialReportIsPublished() {
        drop("STL-20250314.01.009.CSV", "t1;ORD-1;PAYMENT;EUR;7490\nBROKEN\n");

        ReconcileOutcome outcome = job().run(Channel.PAYPAL, FR, DAY);

        assertThat(outcome).isInstanceOfSatisfying(ReconcileOutcome.Rejected.class, rejected -> {
            assertThat(rejected.error().file()).isEqualTo("STL-20250314.01.009.CSV");
            assertThat(rejected.error().line()).isEqualTo(2);
            assertThat(rejected.error().column()).isEqualTo("gross");
        });
        assertThat(reports.find(KEY)).isEmpty();
        assertThat(archive.entries()).hasSize(1); // the raw file is kept for the investigation
    }

    @Test
    void aRerunReplacesTheDaysReport() {
        drop("STL-20250314.01.009.CSV", "t1;ORD-1;PAYMENT;EUR;7490\n");
        DailyReconciliation job = job();
        job.run(Channel.PAYPAL, FR, DAY);
        assertThat(reports.find(KEY).orElseThrow().summary().count(ItemCategory.UNEXPECTED_IN_SETTLEMENT)).isEqualTo(1);

        receivables.add(Channel.PAYPAL, FR, new Receivable("ORD-1", Direction.FORWARD, Amount.ofMinor("EUR", 7490), Instant.parse("2025-03-14T01:00:00Z")));
        job.run(Channel.PAYPAL, FR, DAY);

        assertThat(reports.find(KEY).orElseThrow().summary().count(ItemCategory.MATCHED)).isEqualTo(1);
        assertThat(reports.find(KEY).orElseThrow().items()).hasSize(1);
    }

    @Test
    void anUnconfiguredPairOrChannelIsAnErrorNamingIt() {
        Site it = Sites.sample().named("it-cupshe");
        assertThatThrownBy(() -> job().run(Channel.AFTERPAY, it, DAY))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).contains("it-cupshe").contains("afterpay"));
        assertThatThrownBy(() -> job().run(Channel.AFTERPAY, Sites.sample().named("au-cupshe"), DAY))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).contains("no settlement file parser"));
    }

    @Test
    void runAllReportsEveryFeedAndAFailingStoreAsFailed() {
        drop("STL-20250314.01.009.CSV", "t1;ORD-1;PAYMENT;EUR;7490\n");
        DailyReconciliation job = new DailyReconciliation(
                new SettlementFeeds(List.of(FEED, SettlementFeeds.sample().find(Channel.PAYPAL, Sites.sample().named("app")).orElseThrow())),
                // (the app feed keeps the sample's US Pacific window)
                files, java.util.Map.of(Channel.PAYPAL, TOY),
                (channel, site, from, until, sink) -> {
                    if (site.name().equals("app")) {
                        throw new InfrastructureException("reading receivables", new IOException("down"));
                    }
                },
                reports, Optional.empty(), SHANGHAI, ReconcileListener.NONE);
        files.put(SettlementFeeds.sample().find(Channel.PAYPAL, Sites.sample().named("app")).orElseThrow().account(),
                "STL-20250314.01.009.CSV", "t1;ORD-1;PAYMENT;EUR;7490\n".getBytes(StandardCharsets.UTF_8));

        List<ReconcileOutcome> outcomes = job.runAll(DAY);

        assertThat(outcomes).extracting(ReconcileOutcome::status).containsExactly("completed", "failed");
        assertThat(reports.find(new ReportKey(Channel.PAYPAL, "app", DAY))).isEmpty();
    }
}
