package io.settlekit.formats.json;

import io.settlekit.base.ErrorCode;
import io.settlekit.base.ValidationException;
import io.settlekit.money.FeeRate;
import io.settlekit.money.FeeTypeCodes;
import io.settlekit.money.RateValue;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An item of the {@code /fee/rate/list} response:
 * {@code {"from_fee_type": "HKD", "to_fee_type": "CNY", "value": 0.9235}}. The value is written as a JSON
 * number with exactly four decimals, from a {@link BigDecimal} (never a binary float).
 *
 * @param from  the source fee type
 * @param to    the target fee type
 * @param value the rate, validated and normalised like {@link FeeRate#value()}
 */
public record RateItem(String from, String to, BigDecimal value) {
    /** Validates like {@link FeeRate} does. */
    public RateItem {
        from = FeeTypeCodes.check("from_fee_type", from);
        to = FeeTypeCodes.check("to_fee_type", to);
        if (from.equals(to)) {
            throw new ValidationException(ErrorCode.SAME_CURRENCY, "to_fee_type", to, "must differ from from_fee_type");
        }
        value = RateValue.check("value", value);
    }

    /** The list item of a saved rate. */
    public static RateItem of(FeeRate rate) {
        return new RateItem(rate.from(), rate.to(), rate.value());
    }

    /** This item as a rate of {@code station} saved at {@code savedAt}. */
    public FeeRate toFeeRate(String station, Instant savedAt) {
        return new FeeRate(station, from, to, value, savedAt);
    }
}
