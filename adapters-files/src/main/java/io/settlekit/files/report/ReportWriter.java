package io.settlekit.files.report;

import io.settlekit.reconcile.ReconciledItem;
import io.settlekit.reconcile.ReconciliationSummary;

import java.io.Closeable;

/** Writes one report, item by item, then its summary, to a stream it does not own. */
public interface ReportWriter extends Closeable {

    /** Writes one item. */
    void item(ReconciledItem item);

    /** Writes the summary and flushes. */
    void summary(ReconciliationSummary summary);

    /** Flushes; does not close the underlying stream. */
    @Override
    void close();
}
