package io.settlekit.balance;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;

import java.math.BigDecimal;
import java.util.List;

/**
 * A published day as a reader sees it: the summary and exactly the documents it sums, all of one run.
 * The constructor checks that they agree (same run, same count, same total), so a torn read cannot be
 * represented.
 *
 * @param summary   the day's summary
 * @param documents the run's documents
 */
public record SnapshotDay(SnapshotSummary summary, List<BalanceSnapshot> documents) {

    /** Validates that the documents are exactly those the summary sums. */
    public SnapshotDay {
        Checks.present("summary", summary);
        documents = List.copyOf(Checks.present("documents", documents));
        if (documents.size() != summary.documentCount()) {
            throw ValidationException.invalid("documents", documents.size(), "must be the summary's " + summary.documentCount() + " documents");
        }
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (BalanceSnapshot document : documents) {
            if (!document.loadDate().equals(summary.loadDate()) || !document.insertTime().equals(summary.insertTime())) {
                throw ValidationException.invalid("documents", document.group().uuid(), "belongs to another run than the summary");
            }
            total = total.add(document.cnyBalance());
        }
        if (total.compareTo(summary.totalAmount()) != 0) {
            throw ValidationException.invalid("documents", total.toPlainString(), "must sum to the summary's total " + summary.totalAmount().toPlainString());
        }
    }
}
