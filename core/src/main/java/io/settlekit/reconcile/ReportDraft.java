package io.settlekit.reconcile;

import io.settlekit.base.Port;


/**
 * A report being written: items are added as they are decided, and the report becomes visible only when
 * {@linkplain #publish(ReconciliationSummary) published}. A discarded draft leaves nothing behind.
 */
@Port
public interface ReportDraft {

    /** Adds one item. */
    void add(ReconciledItem item);

    /** Completes the report with its summary and makes it visible, replacing an earlier one of the same key. */
    void publish(ReconciliationSummary summary);

    /** Drops everything added; nothing is published. Safe to call after a failure, and more than once. */
    void discard();
}
