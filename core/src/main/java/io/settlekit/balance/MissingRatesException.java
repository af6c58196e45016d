package io.settlekit.balance;

import io.settlekit.base.ErrorCode;
import io.settlekit.base.NotFoundException;

import java.util.List;

/**
 * A snapshot run cannot convert some currencies to CNY: thrown before anything is published, naming every
 * such currency.
 */
public class MissingRatesException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    private final String station;
    private final List<String> currencies;

    /**
     * @param station    the rate station that was asked
     * @param currencies every currency without a usable rate to CNY, sorted
     */
    public MissingRatesException(String station, List<String> currencies) {
        super(ErrorCode.RATE_NOT_FOUND, "currency_code", "station '" + station + "' has no rate to CNY for "
                + currencies + ": the snapshot was not written");
        this.station = station;
        this.currencies = List.copyOf(currencies);
    }

    /** The station asked. */
    public String station() {
        return station;
    }

    /** The currencies without a rate, sorted. */
    public List<String> currencies() {
        return currencies;
    }
}
