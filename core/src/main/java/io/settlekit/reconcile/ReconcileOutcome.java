package io.settlekit.reconcile;

import io.settlekit.internal.Checks;
import io.settlekit.base.SettlekitException;

import java.util.List;

/** What a daily reconciliation of one (channel, site, date) came to. Expected outcomes are values. */
public sealed interface ReconcileOutcome {

    /** Which reconciliation. */
    ReportKey key();

    /** A short machine-readable status: {@code completed}, {@code no_files}, {@code rejected}, {@code failed}. */
    String status();

    /**
     * The day's files were reconciled and the report published.
     *
     * @param key     which reconciliation
     * @param summary the published report's totals
     */
    record Completed(ReportKey key, ReconciliationSummary summary) implements ReconcileOutcome {
        /** Validates both fields. */
        public Completed {
            Checks.present("key", key);
            Checks.present("summary", summary);
        }

        @Override
        public String status() {
            return "completed";
        }
    }

    /**
     * No file of the day is there (yet): nothing was reconciled or published.
     *
     * @param key    which reconciliation
     * @param prefix the file name prefix that was listed
     */
    record NoFiles(ReportKey key, String prefix) implements ReconcileOutcome {
        /** Validates both fields. */
        public NoFiles {
            Checks.present("key", key);
            Checks.present("prefix", prefix);
        }

        @Override
        public String status() {
            return "no_files";
        }
    }

    /**
     * A file of the day is malformed: nothing was published.
     *
     * @param key   which reconciliation
     * @param files the day's files
     * @param error what is wrong, naming file, line and column
     */
    record Rejected(ReportKey key, List<String> files, MalformedFileException error) implements ReconcileOutcome {
        /** Validates the fields and copies the list. */
        public Rejected {
            Checks.present("key", key);
            files = List.copyOf(files);
            Checks.present("error", error);
        }

        @Override
        public String status() {
            return "rejected";
        }
    }

    /**
     * Infrastructure failed (store, database, archive) while running one feed of
     * {@link DailyReconciliation#runAll(java.time.LocalDate)}; nothing was published. Worth a retry.
     *
     * @param key   which reconciliation
     * @param error the failure
     */
    record Failed(ReportKey key, SettlekitException error) implements ReconcileOutcome {
        /** Validates both fields. */
        public Failed {
            Checks.present("key", key);
            Checks.present("error", error);
        }

        @Override
        public String status() {
            return "failed";
        }
    }
}
