package io.settlekit.money;


import io.settlekit.base.Port;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Append-only history of the stations' exchange rates ({@code tbl_fee_rate} in the seed).
 *
 * <p>Among rates of one station and pair, the one in force at instant t is the one with the latest
 * {@code savedAt} at or before t; on equal {@code savedAt} the one appended later wins.
 */
@Port
public interface FeeRateStore {

    /** Appends a rate to its station's history; never overwrites. */
    void append(FeeRate rate);

    /** The rate of {@code station} and {@code from → to} in force at {@code at}, if any. */
    Optional<FeeRate> rateAt(String station, String from, String to, Instant at);

    /** The rate in force at {@code at} of every pair of {@code station}, ordered by from, then to. */
    List<FeeRate> ratesAt(String station, Instant at);
}
