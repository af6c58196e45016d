package io.settlekit.money;

import io.settlekit.internal.Checks;
import io.settlekit.base.ErrorCode;
import io.settlekit.base.ValidationException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One saved exchange rate of a station (rule R2.1 of docs/rules.md): 1 unit of {@code from} = {@code value} units of
 * {@code to}, saved at {@code savedAt}.
 *
 * <p>{@code savedAt} is kept to the second, the resolution of the seed's {@code create_time} column, so
 * that every store answers "the rate at instant t" alike.
 *
 * @param station the station id, 1–16 characters (the seed's {@code varchar(16)}), kept verbatim
 * @param from    the source fee type code
 * @param to      the target fee type code, different from {@code from}
 * @param value   the rate, &gt; 0, at most 4 decimals and 11 integer digits, normalised to scale 4
 * @param savedAt when it was saved, truncated to the second
 */
public record FeeRate(String station, String from, String to, BigDecimal value, Instant savedAt) {

    /** Longest station id the seed's schema holds. */
    public static final int MAX_STATION_LENGTH = 16;

    /** Validates and normalises every field. */
    public FeeRate {
        station = checkStation(station);
        from = FeeTypeCodes.check("from_fee_type", from);
        to = FeeTypeCodes.check("to_fee_type", to);
        if (from.equals(to)) {
            throw new ValidationException(ErrorCode.SAME_CURRENCY, "to_fee_type", to, "must differ from from_fee_type");
        }
        value = RateValue.check("value", value);
        savedAt = Checks.present("saved_at", savedAt).truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Checks a station id: present, not blank, no surrounding white space (MySQL would ignore trailing
     * blanks when comparing), at most 16 characters. Kept verbatim otherwise.
     */
    public static String checkStation(String station) {
        if (station == null || station.isBlank()) {
            throw ValidationException.missing("station");
        }
        if (!station.equals(station.strip())) {
            throw ValidationException.invalid("station", station, "must not start or end with white space");
        }
        return Checks.maxLength("station", station, MAX_STATION_LENGTH);
    }
}
