package io.settlekit.reconcile.memory;

import io.settlekit.reconcile.ReconciledItem;
import io.settlekit.reconcile.ReconciliationSummary;
import io.settlekit.reconcile.ReportKey;
import io.settlekit.reconcile.ReconciliationReports;
import io.settlekit.reconcile.ReportDraft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Published reports kept in memory, by key; a draft's items stay private to it until published. Suits
 * tests and small days: a draft holds every item of its report. Thread-safe.
 */
public final class InMemoryReconciliationReports implements ReconciliationReports {
    /** A published report. */
    public record Report(List<ReconciledItem> items, ReconciliationSummary summary) {
        /** Copies the items. */
        public Report {
            items = List.copyOf(items);
        }
    }

    private final Map<ReportKey, Report> published = new ConcurrentHashMap<>();

    @Override
    public ReportDraft begin(ReportKey key) {
        List<ReconciledItem> items = new ArrayList<>();
        return new ReportDraft() {
            private boolean done;

            @Override
            public void add(ReconciledItem item) {
                if (done) {
                    throw new IllegalStateException("the draft of " + key + " is closed");
                }
                items.add(item);
            }

            @Override
            public void publish(ReconciliationSummary summary) {
                if (done) {
                    throw new IllegalStateException("the draft of " + key + " is closed");
                }
                done = true;
                published.put(key, new Report(items, summary));
            }

            @Override
            public void discard() {
                done = true;
                items.clear();
            }
        };
    }

    /** The published report of {@code key}, if any. */
    public Optional<Report> find(ReportKey key) {
        return Optional.ofNullable(published.get(key));
    }

    /** The keys of the published reports. */
    public Set<ReportKey> keys() {
        return Set.copyOf(published.keySet());
    }
}
