package io.settlekit.money;

import io.settlekit.internal.Checks;
import io.settlekit.base.ErrorCode;
import io.settlekit.base.NotFoundException;
import io.settlekit.access.Actor;
import io.settlekit.access.Permission;

import javax.money.MonetaryAmount;
import javax.money.convert.ExchangeRateProvider;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The stations' exchange rates (rules R2 of docs/rules.md): save with history, list current rates, look up the rate
 * at an instant and convert amounts.
 *
 * <p>Conversion uses the direct pair when the station has one, else the inverse pair ({@code 1/value}
 * at {@link MathContext#DECIMAL128}), and rounds once, half-up, to the target currency's minor digits.
 * Thread-safe when its store is.
 */
public final class RateBook {
    private final FeeRateStore rates;
    private final FeeTypeCatalog feeTypes;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param rates    where the rate history lives
     * @param feeTypes the catalog that saved rates must use
     * @param clock    the source of "now" (save time, current rates)
     * @param zone     the deployment zone, used to read dates in historic JSR-354 queries
     */
    public RateBook(FeeRateStore rates, FeeTypeCatalog feeTypes, Clock clock, ZoneId zone) {
        this.rates = Objects.requireNonNull(rates, "rates");
        this.feeTypes = Objects.requireNonNull(feeTypes, "feeTypes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Saves a rate (permission {@code edit_fee_rate}): appends it to the station's history at the clock's
     * current second. Both fee types must be in the catalog.
     *
     * @return the saved rate, its value normalised to 4 decimals
     * @throws io.settlekit.base.PermissionDeniedException when the actor lacks {@code edit_fee_rate} (nothing is
     *         saved)
     * @throws io.settlekit.base.ValidationException naming the field: a missing argument, a malformed station, a
     *         value out of range (rule R2.1 of docs/rules.md), the same fee type twice ({@code same_currency})
     *         or one not in the catalog ({@code unknown_fee_type}); nothing is saved
     * @throws io.settlekit.base.InfrastructureException when the rate store fails
     */
    public FeeRate save(Actor actor, String station, String from, String to, BigDecimal value) {
        Checks.present("actor", actor).require(Permission.EDIT_FEE_RATE);
        FeeRate rate = new FeeRate(station, from, to, value, clock.instant());
        feeTypes.require("from_fee_type", rate.from());
        feeTypes.require("to_fee_type", rate.to());
        rates.append(rate);
        return rate;
    }

    /**
     * The current rate of every pair of {@code station} (permission {@code get_fee_rate}), optionally
     * only those from and/or to a fee type. Ordered by from, then to.
     *
     * @throws io.settlekit.base.PermissionDeniedException when the actor lacks {@code get_fee_rate}
     * @throws io.settlekit.base.ValidationException naming the field: a missing argument, a malformed station or fee
     *         type code
     * @throws io.settlekit.base.InfrastructureException when the rate store fails
     */
    public List<FeeRate> list(Actor actor, String station, Optional<String> from, Optional<String> to) {
        Checks.present("actor", actor).require(Permission.GET_FEE_RATE);
        FeeRate.checkStation(station);
        from.ifPresent(code -> FeeTypeCodes.check("from_fee_type", code));
        to.ifPresent(code -> FeeTypeCodes.check("to_fee_type", code));
        return rates.ratesAt(station, clock.instant()).stream()
                .filter(rate -> from.map(rate.from()::equals).orElse(true))
                .filter(rate -> to.map(rate.to()::equals).orElse(true))
                .toList();
    }

    /**
     * The saved rate of {@code station} and {@code from → to} (direct pair only) in force at {@code at}.
     *
     * @throws io.settlekit.base.ValidationException naming the field: a missing argument, a malformed station or fee
     *         type code or a missing instant
     * @throws io.settlekit.base.InfrastructureException when the rate store fails
     */
    public Optional<FeeRate> rateAt(String station, String from, String to, Instant at) {
        FeeRate.checkStation(station);
        return rates.rateAt(station, FeeTypeCodes.check("from_fee_type", from),
                FeeTypeCodes.check("to_fee_type", to), Checks.present("at", at));
    }

    /**
     * The factor converting {@code from} into {@code to} at {@code at}: the direct rate, else the inverse
     * of the reverse rate at {@link MathContext#DECIMAL128}; 1 when the codes are equal.
     *
     * @throws NotFoundException ({@link ErrorCode#RATE_NOT_FOUND}) naming station and pair when neither exists
     * @throws io.settlekit.base.ValidationException naming the field: a missing argument, a malformed station or fee
     *         type code, or ({@link ErrorCode#UNKNOWN_FEE_TYPE}) a code that is neither in the catalog nor in
     *         ISO 4217
     * @throws io.settlekit.base.InfrastructureException when the rate store fails
     */
    public BigDecimal factor(String station, String from, String to, Instant at) {
        FeeRate.checkStation(station);
        feeTypes.requireKnown("from_fee_type", from);
        feeTypes.requireKnown("to_fee_type", to);
        if (from.equals(to)) {
            return BigDecimal.ONE;
        }
        Optional<FeeRate> direct = rates.rateAt(station, from, to, at);
        if (direct.isPresent()) {
            return direct.get().value();
        }
        Optional<FeeRate> inverse = rates.rateAt(station, to, from, at);
        if (inverse.isPresent()) {
            return BigDecimal.ONE.divide(inverse.get().value(), MathContext.DECIMAL128);
        }
        throw new NotFoundException(ErrorCode.RATE_NOT_FOUND, "to_fee_type",
                "station '" + station + "' has no rate " + from + " -> " + to + " (nor " + to + " -> " + from + ") at " + at);
    }

    /**
     * Converts with the current rate.
     *
     * @throws NotFoundException ({@code rate_not_found}) naming station and pair when neither the pair nor its
     *         inverse has a rate
     * @throws io.settlekit.base.ValidationException naming the field: a missing argument, a malformed station or fee
     *         type code, a code neither in the catalog nor in ISO 4217 ({@code unknown_fee_type}), or a result
     *         beyond a {@code long} of minor units ({@code arithmetic_overflow})
     * @throws io.settlekit.base.InfrastructureException when the rate store fails
     */
    public Amount convert(Amount amount, String to, String station) {
        return convertAt(amount, to, station, clock.instant());
    }

    /**
     * Converts with the rate in force at {@code at}: one half-up rounding to the target's minor digits.
     *
     * @throws NotFoundException ({@code rate_not_found}) naming station and pair when neither the pair nor its
     *         inverse has a rate
     * @throws io.settlekit.base.ValidationException naming the field: a missing argument, a malformed station or fee
     *         type code, a code neither in the catalog nor in ISO 4217 ({@code unknown_fee_type}), or a result
     *         beyond a {@code long} of minor units ({@code arithmetic_overflow})
     * @throws io.settlekit.base.InfrastructureException when the rate store fails
     */
    public Amount convertAt(Amount amount, String to, String station, Instant at) {
        Checks.present("amount", amount);
        BigDecimal factor = factor(station, amount.feeType(), to, at);
        if (factor.equals(BigDecimal.ONE)) {
            return amount;
        }
        return Amount.roundHalfUp(to, amount.toMajor().multiply(factor));
    }

    /**
     * Converts a JSR-354 amount with the current rate.
     *
     * @throws NotFoundException ({@code rate_not_found}) naming station and pair when neither the pair nor its
     *         inverse has a rate
     * @throws io.settlekit.base.ValidationException naming the field: a missing argument, a malformed station or fee
     *         type code, a code neither in the catalog nor in ISO 4217 ({@code unknown_fee_type}), an amount
     *         with more decimals than its currency has, or a result beyond a {@code long} of minor units
     * @throws io.settlekit.base.InfrastructureException when the rate store fails
     */
    public MonetaryAmount convert(MonetaryAmount amount, String to, String station) {
        return convert(Amount.of(amount), to, station).toMonetaryAmount();
    }

    /**
     * Converts per-currency totals into one currency with the current rates: each currency's total is
     * converted (one rounding per currency), then the results are added.
     *
     * @throws NotFoundException ({@code rate_not_found}) naming station and pair when neither the pair nor its
     *         inverse has a rate
     * @throws io.settlekit.base.ValidationException naming the field: a missing argument, a malformed station or fee
     *         type code, a code neither in the catalog nor in ISO 4217 ({@code unknown_fee_type}), or a result
     *         beyond a {@code long} of minor units ({@code arithmetic_overflow})
     * @throws io.settlekit.base.InfrastructureException when the rate store fails
     */
    public Amount convert(CurrencyTotals totals, String to, String station) {
        return convertAt(totals, to, station, clock.instant());
    }

    /**
     * As {@link #convert(CurrencyTotals, String, String)} with the rates in force at {@code at}.
     *
     * @throws NotFoundException ({@code rate_not_found}) naming station and pair when neither the pair nor its
     *         inverse has a rate
     * @throws io.settlekit.base.ValidationException naming the field: a missing argument, a malformed station or fee
     *         type code, a code neither in the catalog nor in ISO 4217 ({@code unknown_fee_type}), or a result
     *         beyond a {@code long} of minor units ({@code arithmetic_overflow})
     * @throws io.settlekit.base.InfrastructureException when the rate store fails
     */
    public Amount convertAt(CurrencyTotals totals, String to, String station, Instant at) {
        feeTypes.requireKnown("to", to);
        Amount sum = Amount.zero(to);
        for (Map.Entry<String, Long> total : totals.asMap().entrySet()) {
            sum = sum.plus(convertAt(new Amount(total.getKey(), total.getValue()), to, station, at));
        }
        return sum;
    }

    /**
     * A JSR-354 provider over {@code station}'s rates, for host code written against
     * {@code javax.money.convert}. Use it directly ({@code provider.getCurrencyConversion(query)}); it is
     * not registered with {@code MonetaryConversions} and contacts no network.
     *
     * @throws io.settlekit.base.ValidationException naming {@code station} when it is missing or malformed
     */
    public ExchangeRateProvider exchangeRateProvider(String station) {
        return new StationRateProvider(this, FeeRate.checkStation(station), clock, zone);
    }
}
