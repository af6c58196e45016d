package io.settlekit.balance;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;
import io.settlekit.money.FeeTypeCodes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The summary of one day's snapshot (seed 003 {@code financial_event_group_summary}): the sum of the
 * day's {@code cny_balance}, plus what a reader needs to find and check exactly the documents it sums.
 *
 * @param run           the run that wrote the day (its id, start time = {@code insert_time}, station)
 * @param totalAmount   Σ {@code cny_balance} of the run's documents, CNY, scale 2
 * @param documentCount how many documents the run wrote
 * @param rates         the rate to CNY used for each currency, ordered by code
 */
public record SnapshotSummary(SnapshotRun run, BigDecimal totalAmount, long documentCount, Map<String, BigDecimal> rates) {

    /** Validates the fields and copies the rates in code order. */
    public SnapshotSummary {
        Checks.present("run", run);
        Checks.present("total_amount", totalAmount);
        if (totalAmount.scale() > 2) {
            throw ValidationException.invalid("total_amount", totalAmount.toPlainString(), "must have at most 2 decimal places (fen)");
        }
        totalAmount = totalAmount.setScale(2);
        Checks.notNegative("document_count", documentCount);
        TreeMap<String, BigDecimal> sorted = new TreeMap<>();
        Checks.present("rates", rates).forEach((code, rate) ->
                sorted.put(FeeTypeCodes.check("rates", code), Checks.present("rates." + code, rate)));
        rates = Collections.unmodifiableMap(sorted);
    }

    /** The day summarised ({@code load_date}). */
    public LocalDate loadDate() {
        return run.loadDate();
    }

    /** When the run took its rates ({@code insert_time}). */
    public Instant insertTime() {
        return run.startedAt();
    }

    /** The total as fen of CNY. */
    public long totalFen() {
        return totalAmount.unscaledValue().longValueExact();
    }

    /** Throws unless this summary is {@code run}'s and counts and sums exactly what the run staged. */
    public void requireDescribes(SnapshotRun stagedRun, long stagedCount, BigDecimal stagedTotal) {
        if (!run.equals(stagedRun)) {
            throw ValidationException.invalid("summary.run", run.runId(), "must be the writer's run " + stagedRun.runId());
        }
        if (documentCount != stagedCount) {
            throw ValidationException.invalid("summary.document_count", documentCount,
                    "must equal the " + stagedCount + " staged documents");
        }
        if (totalAmount.compareTo(stagedTotal) != 0) {
            throw ValidationException.invalid("summary.total_amount", totalAmount.toPlainString(),
                    "must equal the staged documents' total " + stagedTotal.toPlainString());
        }
    }
}
