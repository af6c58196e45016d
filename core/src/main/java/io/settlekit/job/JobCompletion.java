package io.settlekit.job;

import io.settlekit.internal.Checks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The record that a daily job finished its work for a date: what makes nightly jobs idempotent per date.
 *
 * @param job         the job's name
 * @param date        the date the job ran for
 * @param completedAt when it finished, kept to the millisecond
 * @param detail      a short description of the outcome (at most {@value #MAX_DETAIL} characters, cut
 *                    if longer), e.g. {@code "1234 documents, total 5678901.23 CNY"}
 */
public record JobCompletion(String job, LocalDate date, Instant completedAt, String detail) {
    /** Longest detail kept. */
    public static final int MAX_DETAIL = 500;

    /** Validates the fields, truncates the time to milliseconds and cuts an overlong detail. */
    public JobCompletion {
        job = JobNames.check(job);
        Checks.present("date", date);
        completedAt = Checks.present("completed_at", completedAt).truncatedTo(ChronoUnit.MILLIS);
        detail = Checks.present("detail", detail);
        if (detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL);
        }
    }
}
