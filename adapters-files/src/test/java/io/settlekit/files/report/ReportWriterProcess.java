package io.settlekit.files.report;

import io.settlekit.money.Amount;
import io.settlekit.reconcile.Channel;
import io.settlekit.reconcile.LineKind;
import io.settlekit.reconcile.Reconciler;
import io.settlekit.reconcile.ReportKey;
import io.settlekit.reconcile.SettlementLine;
import io.settlekit.reconcile.ReportDraft;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A report writer in a JVM of its own, for {@link DeadReportWriterIT}: begins the draft of
 * {@code afterpay/au-cupshe/2025-03-14} in the folder given as argument, writes items, says {@code WRITING}
 * on standard output, and goes on writing until it is killed.
 */
public final class ReportWriterProcess {
    private ReportWriterProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        ReportKey key = new ReportKey(Channel.AFTERPAY, "au-cupshe", LocalDate.of(2025, 3, 14));
        ReportDraft draft = new DirectoryReconciliationReports(Path.of(args[0]), ReportFormat.JSON_LINES).begin(key);
        Reconciler reconciler = new Reconciler(key, List.of(), draft::add);
        for (long i = 0; ; i++) {
            reconciler.accept(new SettlementLine(Channel.AFTERPAY, "TX" + i, Optional.of("SHOP-" + i), LineKind.PAYMENT, "Order",
                    Amount.ofMinor("AUD", 100), Amount.zero("AUD"), Instant.parse("2025-03-14T07:14:22Z"), "afterpay.csv", i + 2));
            if (i == 100_000) {
                System.out.println("WRITING");
                System.out.flush();
            }
            if (i > 100_000) {
                Thread.sleep(1); // slow enough to be killed mid-draft, fast enough to keep writing
            }
        }
    }
}
