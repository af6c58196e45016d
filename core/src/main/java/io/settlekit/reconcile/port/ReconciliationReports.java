package io.settlekit.reconcile.port;

import io.settlekit.reconcile.ReportKey;

/** Where finished reconciliation reports go: a store, a topic, a folder. */
public interface ReconciliationReports {

    /** Starts the report of {@code key}; nothing is visible until the draft is published. */
    ReportDraft begin(ReportKey key);
}
