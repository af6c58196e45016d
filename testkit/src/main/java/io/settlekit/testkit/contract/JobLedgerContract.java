package io.settlekit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.job.JobCompletion;
import io.settlekit.job.JobLedger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link JobLedger}: completions are found by job and date, a later record replaces an
 * earlier one, and every field reads back equal. An adapter's test extends this class and implements
 * {@link #newLedger()}.
 *
 * <p>Not thread-safe: a JUnit test class, one instance per test method.
 */
public abstract class JobLedgerContract {

    /** A ledger on the backend under test. */
    protected abstract JobLedger newLedger();

    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);
    private static final Instant AT = Instant.parse("2026-11-21T15:50:01.234Z");

    private JobLedger ledger;
    private String job;

    @BeforeEach
    void freshLedger() {
        ledger = newLedger();
        job = ("ledger-" + UUID.randomUUID()).substring(0, 40);
    }

    @Test
    void anUnrecordedDateHasNoCompletion() {
        assertThat(ledger.completion(job, DAY)).isEmpty();
    }

    @Test
    void aRecordedCompletionReadsBackEqual() {
        JobCompletion done = new JobCompletion(job, DAY, AT, "3 documents, total 1234.56 CNY — 店铺余额");
        ledger.record(done);

        assertThat(ledger.completion(job, DAY)).contains(done);
        assertThat(newLedger().completion(job, DAY)).as("seen by another client").contains(done);
    }

    @Test
    void jobsAndDatesAreKeptApart() {
        ledger.record(new JobCompletion(job, DAY, AT, "x"));

        assertThat(ledger.completion(job, DAY.plusDays(1))).isEmpty();
        assertThat(ledger.completion(job, DAY.minusDays(1))).isEmpty();
        assertThat(ledger.completion(job + "-other", DAY)).isEmpty();
    }

    @Test
    void aLaterRecordReplacesTheEarlierOne() {
        ledger.record(new JobCompletion(job, DAY, AT, "first"));
        JobCompletion second = new JobCompletion(job, DAY, AT.plusSeconds(60), "second");
        ledger.record(second);

        assertThat(ledger.completion(job, DAY)).contains(second);
    }

    @Test
    void keepsTheLongestDetail() {
        JobCompletion done = new JobCompletion(job, DAY, AT, "余".repeat(JobCompletion.MAX_DETAIL));
        ledger.record(done);

        assertThat(ledger.completion(job, DAY)).contains(done);
    }
}
