package io.settlekit.formats.report;

import io.settlekit.base.InfrastructureException;
import io.settlekit.reconcile.ReconciledItem;
import io.settlekit.reconcile.ReconciliationSummary;
import io.settlekit.reconcile.ReportKey;
import io.settlekit.reconcile.ReconciliationReports;
import io.settlekit.reconcile.ReportDraft;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * Published reports as files in a folder, named {@code <channel>-<site>-<date>.<jsonl|csv>}. A draft
 * streams into a hidden temporary file beside the target and is moved into place atomically on publish
 * (replacing the day's earlier report), so readers never see half a report and a discarded draft leaves
 * nothing behind.
 */
public final class DirectoryReconciliationReports implements ReconciliationReports {
    private final Path folder;
    private final ReportFormat format;

    /** Reports in {@code format} under {@code folder} (created when missing). */
    public DirectoryReconciliationReports(Path folder, ReportFormat format) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.format = Objects.requireNonNull(format, "format");
    }

    /** Where the published report of {@code key} is (or will be). */
    public Path pathOf(ReportKey key) {
        return folder.resolve(key.channel().code() + "-" + key.site().replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + key.date()
                + "." + format.extension());
    }

    @Override
    public ReportDraft begin(ReportKey key) {
        Path target = pathOf(key);
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
            return new FileDraft(key, target, temp, out, format.open(out));
        } catch (IOException e) {
            throw new InfrastructureException("starting the report " + key + " in " + folder, e);
        }
    }

    private static final class FileDraft implements ReportDraft {
        private final ReportKey key;
        private final Path target;
        private final Path temp;
        private final OutputStream out;
        private final ReportWriter writer;
        private boolean closed;

        FileDraft(ReportKey key, Path target, Path temp, OutputStream out, ReportWriter writer) {
            this.key = key;
            this.target = target;
            this.temp = temp;
            this.out = out;
            this.writer = writer;
        }

        @Override
        public void add(ReconciledItem item) {
            if (closed) {
                throw new IllegalStateException("the draft of " + key + " is closed");
            }
            writer.item(item);
        }

        @Override
        public void publish(ReconciliationSummary summary) {
            if (closed) {
                throw new IllegalStateException("the draft of " + key + " is closed");
            }
            try {
                writer.summary(summary);
                writer.close();
                out.close();
                closed = true;
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException notAtomic) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException | RuntimeException e) {
                discard();
                throw e instanceof IOException io ? new InfrastructureException("publishing the report " + key, io) : (RuntimeException) e;
            }
        }

        @Override
        public void discard() {
            closed = true;
            try {
                out.close();
            } catch (IOException ignored) {
                // the temporary file is deleted below either way
            }
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                throw new InfrastructureException("discarding the draft of report " + key, e);
            }
        }
    }
}
