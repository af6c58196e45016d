package io.settlekit.reconcile;

import io.settlekit.base.Port;


/** Where finished reconciliation reports go: a store, a topic, a folder. */
@Port
public interface ReconciliationReports {

    /** Starts the report of {@code key}; nothing is visible until the draft is published. */
    ReportDraft begin(ReportKey key);
}
