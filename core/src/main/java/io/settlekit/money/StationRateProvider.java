package io.settlekit.money;

import io.settlekit.base.SettlekitException;

import javax.money.convert.ConversionContextBuilder;
import javax.money.convert.ConversionQuery;
import javax.money.convert.CurrencyConversionException;
import javax.money.convert.ExchangeRate;
import javax.money.convert.ProviderContext;
import javax.money.convert.ProviderContextBuilder;
import javax.money.convert.RateType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.javamoney.moneta.convert.ExchangeRateBuilder;
import org.javamoney.moneta.spi.AbstractRateProvider;
import org.javamoney.moneta.spi.DefaultNumberValue;

/**
 * A JSR-354 {@link javax.money.convert.ExchangeRateProvider} over one station's rate history.
 *
 * <p>A query is answered at the instant it names: an {@link Instant} attribute, else a
 * {@link LocalDateTime} read in the deployment zone, else a {@link LocalDate} meaning the end of that day
 * (the last rate saved that day), else now. Missing rates raise {@link CurrencyConversionException} with
 * the SDK's {@link io.settlekit.base.NotFoundException} as cause.
 */
final class StationRateProvider extends AbstractRateProvider {
    private final RateBook rateBook;
    private final String station;
    private final Clock clock;
    private final ZoneId zone;

    StationRateProvider(RateBook rateBook, String station, Clock clock, ZoneId zone) {
        super(context(station));
        this.rateBook = rateBook;
        this.station = station;
        this.clock = clock;
        this.zone = zone;
    }

    private static ProviderContext context(String station) {
        return ProviderContextBuilder.of("SETTLEKIT-" + station, RateType.HISTORIC, RateType.DEFERRED)
                .set("station", station)
                .build();
    }

    @Override
    public ExchangeRate getExchangeRate(ConversionQuery query) {
        String base = query.getBaseCurrency().getCurrencyCode();
        String term = query.getCurrency().getCurrencyCode();
        Instant at = instantOf(query);
        BigDecimal factor;
        try {
            factor = rateBook.factor(station, base, term, at);
        } catch (SettlekitException notFound) {
            throw new CurrencyConversionException(query.getBaseCurrency(), query.getCurrency(), null,
                    notFound.getMessage(), notFound);
        }
        return new ExchangeRateBuilder(ConversionContextBuilder.create(getContext(), RateType.HISTORIC)
                .set(Instant.class, at)
                .build())
                .setBase(query.getBaseCurrency())
                .setTerm(query.getCurrency())
                .setFactor(DefaultNumberValue.of(factor))
                .build();
    }

    private Instant instantOf(ConversionQuery query) {
        Instant instant = query.get(Instant.class);
        if (instant != null) {
            return instant;
        }
        LocalDateTime dateTime = query.get(LocalDateTime.class);
        if (dateTime != null) {
            return dateTime.atZone(zone).toInstant();
        }
        LocalDate date = query.get(LocalDate.class);
        if (date != null) {
            return date.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
        }
        return clock.instant();
    }
}
