package io.settlekit.balance;

import io.settlekit.internal.Checks;
import io.settlekit.money.FeeRate;

import java.time.Duration;

/**
 * How the snapshot job runs.
 *
 * @param station       the rate station whose current rates convert balances to CNY
 * @param batchSize     documents staged per write, 1–10,000 (bounds the job's memory)
 * @param lockAtMostFor how long a crashed run keeps the job locked (must exceed the longest run)
 */
public record SnapshotSettings(String station, int batchSize, Duration lockAtMostFor) {
    /** Documents per staged batch by default. */
    public static final int DEFAULT_BATCH_SIZE = 1000;
    /** The default lock duration: far above a run of hundreds of thousands of rows. */
    public static final Duration DEFAULT_LOCK_AT_MOST_FOR = Duration.ofMinutes(30);

    /** Validates the fields. */
    public SnapshotSettings {
        station = FeeRate.checkStation(station);
        Checks.inRange("batch_size", batchSize, 1, 10_000);
        Checks.positive("lock_at_most_for", lockAtMostFor);
    }

    /** The defaults for {@code station}. */
    public static SnapshotSettings of(String station) {
        return new SnapshotSettings(station, DEFAULT_BATCH_SIZE, DEFAULT_LOCK_AT_MOST_FOR);
    }
}
