package io.settlekit.files.report;

import io.settlekit.base.InfrastructureException;
import io.settlekit.reconcile.ReconciledItem;
import io.settlekit.reconcile.ReconciliationSummary;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A report that reaches its stream whole or not at all: items and summary are written to a temporary file
 * (streaming, so a million-line report needs no memory), and only once the summary is written is the file
 * copied to the stream. A reconciliation that fails half-way (a malformed line, totals that overflow) and
 * closes the writer leaves nothing on the stream and no temporary file. For streams a reader consumes as
 * they come (standard output, an HTTP response); a folder of reports has {@link DirectoryReconciliationReports}.
 *
 * <p>Not thread-safe: one staged file and a done flag; one instance per report, on one thread.
 */
public final class StagedReportWriter implements ReportWriter {
    private final OutputStream target;
    private final Path staged;
    private final OutputStream stagedOut;
    private final ReportWriter writer;
    private boolean done;

    /**
     * A writer of {@code format} onto {@code target}, staging in a temporary file of {@code folder}.
     *
     * @throws InfrastructureException when the temporary file cannot be made
     */
    public StagedReportWriter(ReportFormat format, OutputStream target, Path folder) {
        Objects.requireNonNull(format, "format");
        this.target = Objects.requireNonNull(target, "target");
        Objects.requireNonNull(folder, "folder");
        try {
            this.staged = Files.createTempFile(folder, ".settlekit-report-", "." + format.extension() + ".tmp");
        } catch (IOException e) {
            throw new InfrastructureException("staging a report in " + folder, e);
        }
        try {
            this.stagedOut = new BufferedOutputStream(Files.newOutputStream(staged), 1 << 16);
        } catch (IOException e) {
            deleteQuietly(staged, e);
            throw new InfrastructureException("staging a report in " + folder, e);
        }
        this.writer = format.open(stagedOut);
    }

    /** As {@link #StagedReportWriter(ReportFormat, OutputStream, Path)}, staging in {@code java.io.tmpdir}. */
    public StagedReportWriter(ReportFormat format, OutputStream target) {
        this(format, target, Path.of(System.getProperty("java.io.tmpdir")));
    }

    @Override
    public void item(ReconciledItem item) {
        if (done) {
            throw new IllegalStateException("the report is already written");
        }
        writer.item(item);
    }

    /** Writes the summary, then the whole report to the stream, and flushes it. */
    @Override
    public void summary(ReconciliationSummary summary) {
        if (done) {
            throw new IllegalStateException("the report is already written");
        }
        done = true;
        writer.summary(summary);
        writer.close();
        try {
            stagedOut.close();
            Files.copy(staged, target);
            target.flush();
        } catch (IOException e) {
            throw JsonLinesReportWriter.failure(e);
        } finally {
            delete();
        }
    }

    /** Drops the temporary file; when no summary was written, nothing reaches the stream. */
    @Override
    public void close() {
        done = true;
        try {
            stagedOut.close();
        } catch (IOException ignored) {
            // the file is deleted below either way
        }
        delete();
    }

    private void delete() {
        try {
            Files.deleteIfExists(staged);
        } catch (IOException e) {
            throw new InfrastructureException("deleting the staged report " + staged, e);
        }
    }

    private static void deleteQuietly(Path file, Exception failure) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException suppressed) {
            failure.addSuppressed(suppressed);
        }
    }
}
