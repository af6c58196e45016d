package io.settlekit.examples.demo;

import io.settlekit.Settlekit;
import io.settlekit.files.afterpay.AfterpayCsvParser;
import io.settlekit.files.afterpay.AfterpayOptions;
import io.settlekit.formats.json.ReceivableJsonLines;
import io.settlekit.files.paypal.PaypalStlParser;
import io.settlekit.reconcile.Channel;
import io.settlekit.reconcile.DailyReconciliation;
import io.settlekit.reconcile.ItemCategory;
import io.settlekit.reconcile.ReconcileOutcome;
import io.settlekit.reconcile.ReconciledItem;
import io.settlekit.reconcile.ReconciliationSummary;
import io.settlekit.reconcile.SettlementFeed;
import io.settlekit.reconcile.SettlementFeeds;
import io.settlekit.reconcile.Site;
import io.settlekit.reconcile.Sites;
import io.settlekit.reconcile.memory.InMemoryReceivables;
import io.settlekit.reconcile.memory.InMemoryReconciliationReports;
import io.settlekit.reconcile.memory.InMemorySettlementArchive;
import io.settlekit.reconcile.memory.LocalDirectorySettlementFiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Demo section: the daily settlement-file job on the two sample files (PayPal STL for fr-cupshe,
 * Afterpay for au-cupshe plus a partly re-sent file) in a local folder laid out like the buckets, against
 * sample receivables with a few deliberate differences.
 */
final class ReconcileDemo {
    private static final String SAMPLES = "/io/settlekit/examples/samples/";
    private static final LocalDate DAY = LocalDate.of(2025, 3, 14);

    private final PrintStream out;
    private final Clock clock;

    ReconcileDemo(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    void run() {
        Path folder;
        try {
            folder = Files.createTempDirectory("settlekit-demo-buckets");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            run(folder);
        } finally {
            delete(folder);
        }
    }

    private void run(Path folder) {
        Sites sites = Sites.sample();
        SettlementFeeds feeds = SettlementFeeds.sample();
        Site fr = sites.named("fr-cupshe");
        Site au = sites.named("au-cupshe");
        SettlementFeed paypalFr = feeds.find(Channel.PAYPAL, fr).orElseThrow();
        SettlementFeed afterpayAu = feeds.find(Channel.AFTERPAY, au).orElseThrow();
        drop(folder, paypalFr, "STL-20250314.01.009.CSV");
        drop(folder, afterpayAu, "afterpay-settlement-20250314-AU-synthetic.csv");
        drop(folder, afterpayAu, "afterpay-settlement-20250314-AU-resent.csv");

        InMemoryReceivables receivables = new InMemoryReceivables();
        load(receivables, Channel.PAYPAL, fr, "receivables-paypal-20250314.jsonl");
        load(receivables, Channel.AFTERPAY, au, "receivables-afterpay-20250314.jsonl");
        InMemoryReconciliationReports reports = new InMemoryReconciliationReports();
        InMemorySettlementArchive archive = new InMemorySettlementArchive();

        DailyReconciliation job = Settlekit.embedded()
                .clock(clock)
                .settlementFeeds(feeds)
                .settlementFiles(new LocalDirectorySettlementFiles(folder))
                .settlementParser(Channel.PAYPAL, new PaypalStlParser())
                .settlementParser(Channel.AFTERPAY, new AfterpayCsvParser(AfterpayOptions.australia()))
                .receivables(receivables)
                .reconciliationReports(reports)
                .settlementArchive(archive)
                .build()
                .dailyReconciliation();

        Demo.heading(out, "Reconcile: sites and settlement feeds (seed 000)");
        out.println("sites: " + String.join(", ", sites.all().stream().map(s -> s.id() + " " + s.name()).toList()));
        for (SettlementFeed feed : feeds.all()) {
            out.printf("feed %-8s %-10s account %s in s3://%s (%s), credentials ref %s%n", feed.channel(), feed.site().name(),
                    feed.account().accountId(), feed.account().bucket(), feed.account().region(), feed.account().credentials().name());
        }

        for (SettlementFeed feed : new SettlementFeed[] {paypalFr, afterpayAu}) {
            ReconcileOutcome outcome = job.run(feed.channel(), feed.site(), DAY);
            Demo.heading(out, "Reconcile: " + outcome.key() + " -> " + outcome.status());
            if (outcome instanceof ReconcileOutcome.Completed completed) {
                print(reports.find(outcome.key()).orElseThrow(), completed.summary());
            }
        }
        ReconcileOutcome none = job.run(Channel.PAYPAL, sites.named("it-cupshe"), DAY);
        out.println();
        out.println("paypal/it-cupshe/" + DAY + ": " + none.status() + " (no file named " + ((ReconcileOutcome.NoFiles) none).prefix()
                + "… in its folder) — an outcome, not a crash");
        out.println("raw files archived: " + archive.entries().size());
    }

    private void print(InMemoryReconciliationReports.Report report, ReconciliationSummary summary) {
        out.println("files " + summary.files() + ": " + summary.lines() + " settlement lines, " + summary.receivables() + " receivables");
        for (ReconciledItem item : report.items()) {
            if (item.category() == ItemCategory.MATCHED) {
                continue;
            }
            String line = item.line().map(l -> l.eventCode() + " " + l.gross() + " (" + l.file() + " line " + l.line() + ")").orElse("-");
            String expected = item.receivable().map(r -> r.direction().code() + " " + r.amount()).orElse("-");
            out.printf("  %-24s %-11s settled %-46s expected %s%s%n", item.category().code(), item.reference().orElse("-"), line, expected,
                    item.difference().map(d -> "  difference " + d).orElse(""));
        }
        for (ItemCategory category : ItemCategory.values()) {
            if (summary.count(category) > 0) {
                out.printf("  %-24s %3d  settled %s  expected %s%n", category.code(), summary.count(category),
                        summary.settled().get(category), summary.expected().get(category));
            }
        }
        out.println("  file totals per currency (minor units): gross " + summary.gross() + ", fees " + summary.fees() + ", net " + summary.net());
    }

    private static void drop(Path folder, SettlementFeed feed, String name) {
        try (InputStream in = resource(name)) {
            Path account = Files.createDirectories(folder.resolve(feed.account().bucket()).resolve(feed.account().accountId()));
            Files.copy(in, account.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void load(InMemoryReceivables receivables, Channel channel, Site site, String name) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(resource(name), StandardCharsets.UTF_8))) {
            new ReceivableJsonLines().read(name, in, receivable -> receivables.add(channel, site, receivable));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ReconcileDemo.class.getResourceAsStream(SAMPLES + name);
        if (in == null) {
            throw new IllegalStateException("missing sample " + name);
        }
        return in;
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
