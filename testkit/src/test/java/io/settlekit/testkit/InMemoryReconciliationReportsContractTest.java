package io.settlekit.testkit;

import io.settlekit.reconcile.ReconciliationReports;
import io.settlekit.reconcile.ReportKey;
import io.settlekit.reconcile.memory.InMemoryReconciliationReports;
import io.settlekit.testkit.contract.ReconciliationReportsContract;

import java.util.List;
import java.util.Optional;

/** The in-memory reconciliation reports pass the contract. */
class InMemoryReconciliationReportsContractTest extends ReconciliationReportsContract {
    private final InMemoryReconciliationReports reports = new InMemoryReconciliationReports();

    @Override
    protected ReconciliationReports reports() {
        return reports;
    }

    @Override
    protected Optional<Published> published(ReportKey key) {
        return reports.find(key).map(report -> Published.of(report.items(), report.summary()));
    }

    @Override
    protected List<String> stored() {
        return reports.keys().stream().map(ReportKey::toString).toList();
    }
}
