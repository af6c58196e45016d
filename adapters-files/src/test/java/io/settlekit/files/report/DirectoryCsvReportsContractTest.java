package io.settlekit.files.report;

import io.settlekit.reconcile.ReconciliationReports;
import io.settlekit.reconcile.ReportKey;
import io.settlekit.testkit.contract.ReconciliationReportsContract;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.io.TempDir;

/** Reports in a folder, in the {@link ReportFormat#CSV} format, pass the contract. */
class DirectoryCsvReportsContractTest extends ReconciliationReportsContract {
    @TempDir
    Path root;

    private DirectoryReconciliationReports reports;

    @Override
    protected ReconciliationReports reports() {
        // a folder the store creates itself
        reports = new DirectoryReconciliationReports(root.resolve("reports"), ReportFormat.CSV);
        return reports;
    }

    @Override
    protected Optional<Published> published(ReportKey key) {
        return DirectoryReportsContractSupport.readCsv(reports.pathOf(key));
    }

    @Override
    protected List<String> stored() {
        return DirectoryReportsContractSupport.files(root.resolve("reports"));
    }
}
