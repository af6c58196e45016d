package io.settlekit.files.report;

import java.io.OutputStream;

/** The file formats of reconciliation reports. */
public enum ReportFormat {
    /** One JSON object per item, then one {@code {"summary":…}} line. */
    JSON_LINES("jsonl"),
    /** One CSV row per item after a header row, then one row per category and currency with the totals. */
    CSV("csv");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** A writer of this format onto {@code out} (UTF-8). */
    public ReportWriter open(OutputStream out) {
        return this == JSON_LINES ? new JsonLinesReportWriter(out) : new CsvReportWriter(out);
    }
}
