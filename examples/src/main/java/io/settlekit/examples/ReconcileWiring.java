package io.settlekit.examples;

import io.settlekit.Settlekit;
import io.settlekit.files.afterpay.AfterpayCsvParser;
import io.settlekit.files.afterpay.AfterpayOptions;
import io.settlekit.files.paypal.PaypalStlParser;
import io.settlekit.files.report.DirectoryReconciliationReports;
import io.settlekit.files.report.ReportFormat;
import io.settlekit.mysql.reconcile.MysqlReceivableSource;
import io.settlekit.mysql.reconcile.PrestashopTables;
import io.settlekit.reconcile.Channel;
import io.settlekit.reconcile.CredentialsRef;
import io.settlekit.reconcile.ReconcileOutcome;
import io.settlekit.reconcile.SettlementFeeds;
import io.settlekit.reconcile.Sites;
import io.settlekit.s3.S3AccountClients;
import io.settlekit.s3.S3Options;
import io.settlekit.s3.S3SettlementFiles;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Function;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The README's reconciliation wiring sample, compiled: settlement files from each merchant account's S3
 * folder (credentials resolved by the host from their references), PrestaShop receivables from MySQL,
 * reports as JSON lines in a folder.
 */
public final class ReconcileWiring {
    private ReconcileWiring() {
    }

    /** Runs the daily job for PayPal / fr-cupshe on 2025-03-14 with the host's clients. */
    public static ReconcileOutcome reconcileOneDay(DataSource dataSource, Function<CredentialsRef, AwsCredentialsProvider> vault,
                                                   Path reportFolder) {
        // snippet:reconcile-wiring
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        try (S3AccountClients s3 = new S3AccountClients(vault, S3Options.aws())) {   // one read-only client per account
            Settlekit kit = Settlekit.builder()
                    .zone(zone)
                    .settlementFeeds(SettlementFeeds.sample())                     // which (channel, site) pairs have files
                    .settlementFiles(new S3SettlementFiles(s3))
                    .settlementParser(Channel.PAYPAL, new PaypalStlParser())
                    .settlementParser(Channel.AFTERPAY, new AfterpayCsvParser(AfterpayOptions.australia()))
                    .receivables(new MysqlReceivableSource(dataSource, zone,
                            Map.of(3, PrestashopTables.inSchema("fr_shop"))))      // site 3 = fr-cupshe
                    .reconciliationReports(new DirectoryReconciliationReports(reportFolder, ReportFormat.JSON_LINES))
                    .withoutJobs()                                                 // run by hand here; a service schedules it with jobLocks(…)
                    .build();
            return kit.dailyReconciliation().run(Channel.PAYPAL, Sites.sample().named("fr-cupshe"), LocalDate.of(2025, 3, 14));
        }
        // end-snippet
    }
}
