package io.settlekit.balance;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * One run of the snapshot job for a day: the identity under which its documents are staged and then
 * published. A store never lets a run replace a published run of the day that started strictly later;
 * of two runs started in the same millisecond, the one published last wins.
 *
 * @param runId     a unique id (the job uses a random UUID), 1–64 characters of {@code A-Z a-z 0-9 -}
 * @param loadDate  the day it snapshots
 * @param startedAt when it took its rates; also every document's {@code insert_time}
 * @param station   the rate station it converted with
 */
public record SnapshotRun(String runId, LocalDate loadDate, Instant startedAt, String station) {
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    /** Validates the fields. */
    public SnapshotRun {
        Checks.notBlank("run_id", runId);
        if (!RUN_ID.matcher(runId).matches()) {
            throw ValidationException.invalid("run_id", runId, "must be 1-64 characters of A-Z, a-z, 0-9 and -");
        }
        Checks.present("load_date", loadDate);
        startedAt = Checks.present("started_at", startedAt).truncatedTo(ChronoUnit.MILLIS);
        station = Checks.notBlank("station", station);
    }

    /** Whether this run started strictly before {@code other}: then it may not replace {@code other}. */
    public boolean startedBefore(SnapshotRun other) {
        return startedAt.isBefore(other.startedAt);
    }

    /** Throws unless {@code document} has this run's {@code load_date} and {@code insert_time}. */
    public void requireOwns(BalanceSnapshot document) {
        if (!document.loadDate().equals(loadDate) || !document.insertTime().equals(startedAt)) {
            throw ValidationException.invalid("documents", document.group().uuid(),
                    "must have the run's load_date " + loadDate + " and insert_time " + startedAt);
        }
    }
}
