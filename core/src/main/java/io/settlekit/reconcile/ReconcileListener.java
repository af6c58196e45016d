package io.settlekit.reconcile;

/**
 * Progress and outcomes of daily reconciliations, for the host's metrics or logs. Every method has a
 * no-op default; implementations must be quick and must not throw.
 */
public interface ReconcileListener {
    /** A listener that does nothing. */
    ReconcileListener NONE = new ReconcileListener() {
    };

    /** A file of {@code key} is about to be read. */
    default void fileStarted(ReportKey key, SettlementFile file) {
    }

    /** The reconciliation of {@code outcome.key()} ended. */
    default void finished(ReconcileOutcome outcome) {
    }
}
