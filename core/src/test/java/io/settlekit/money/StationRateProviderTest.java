package io.settlekit.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.NotFoundException;
import io.settlekit.access.Actor;
import io.settlekit.money.memory.InMemoryFeeRateStore;
import io.settlekit.money.memory.InMemoryFeeTypeStore;

import javax.money.MonetaryAmount;
import javax.money.convert.ConversionQuery;
import javax.money.convert.ConversionQueryBuilder;
import javax.money.convert.CurrencyConversion;
import javax.money.convert.CurrencyConversionException;
import javax.money.convert.ExchangeRateProvider;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.javamoney.moneta.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JSR-354 face of a station's rates: current and historic queries, used programmatically. */
class StationRateProviderTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Actor ADMIN = Actor.admin("root");
    // 2026-03-01 10:00 and 2026-03-05 10:00 in Shanghai
    private static final Instant MARCH_1 = Instant.parse("2026-03-01T02:00:00Z");
    private static final Instant MARCH_5 = Instant.parse("2026-03-05T02:00:00Z");

    private final SettableClock clock = new SettableClock(MARCH_1, SHANGHAI);
    private ExchangeRateProvider provider;

    @BeforeEach
    void setUp() {
        RateBook book = new RateBook(new InMemoryFeeRateStore(), new FeeTypeCatalog(InMemoryFeeTypeStore.seedCatalog()), clock, SHANGHAI);
        book.save(ADMIN, "T1", "HKD", "CNY", new BigDecimal("0.9100"));
        clock.set(MARCH_5);
        book.save(ADMIN, "T1", "HKD", "CNY", new BigDecimal("0.9235"));
        clock.set(MARCH_5.plusSeconds(86_400));
        provider = book.exchangeRateProvider("T1");
    }

    @Test
    void answersWithTheCurrentRateByDefault() {
        CurrencyConversion toCny = provider.getCurrencyConversion("CNY");

        MonetaryAmount converted = Money.of(100, "HKD").with(toCny);

        assertThat(converted.getNumber().numberValue(BigDecimal.class)).isEqualByComparingTo("92.35");
        assertThat(provider.getExchangeRate("HKD", "CNY").getFactor().numberValue(BigDecimal.class))
                .isEqualByComparingTo("0.9235");
    }

    @Test
    void historicQueriesReturnTheHistoricRate() {
        ConversionQuery onMarch3 = ConversionQueryBuilder.of()
                .setBaseCurrency("HKD").setTermCurrency("CNY")
                .set(LocalDate.class, LocalDate.of(2026, 3, 3))
                .build();
        ConversionQuery atAnInstant = ConversionQueryBuilder.of()
                .setBaseCurrency("HKD").setTermCurrency("CNY")
                .set(Instant.class, MARCH_5.minusSeconds(1))
                .build();
        ConversionQuery atALocalTime = ConversionQueryBuilder.of()
                .setBaseCurrency("HKD").setTermCurrency("CNY")
                .set(LocalDateTime.class, LocalDateTime.of(2026, 3, 5, 10, 0))
                .build();

        assertThat(provider.getExchangeRate(onMarch3).getFactor().numberValue(BigDecimal.class)).isEqualByComparingTo("0.9100");
        assertThat(provider.getExchangeRate(atAnInstant).getFactor().numberValue(BigDecimal.class)).isEqualByComparingTo("0.9100");
        assertThat(provider.getExchangeRate(atALocalTime).getFactor().numberValue(BigDecimal.class)).isEqualByComparingTo("0.9235");
        assertThat(Money.of(100, "HKD").with(provider.getCurrencyConversion(onMarch3)).getNumber().numberValue(BigDecimal.class))
                .isEqualByComparingTo("91.00");
    }

    @Test
    void theDayARateWasSavedUsesThatDaysLastRate() {
        ConversionQuery onMarch5 = ConversionQueryBuilder.of()
                .setBaseCurrency("HKD").setTermCurrency("CNY").set(LocalDate.class, LocalDate.of(2026, 3, 5)).build();

        assertThat(provider.getExchangeRate(onMarch5).getFactor().numberValue(BigDecimal.class)).isEqualByComparingTo("0.9235");
    }

    @Test
    void usesTheInverseRateToo() {
        assertThat(provider.getExchangeRate("CNY", "HKD").getFactor().numberValue(BigDecimal.class))
                .isEqualByComparingTo(BigDecimal.ONE.divide(new BigDecimal("0.9235"), java.math.MathContext.DECIMAL128));
    }

    @Test
    void aMissingRateIsAConversionExceptionCausedByTheSdksNotFound() {
        ConversionQuery beforeAnyRate = ConversionQueryBuilder.of()
                .setBaseCurrency("HKD").setTermCurrency("CNY").set(LocalDate.class, LocalDate.of(2026, 2, 1)).build();

        assertThatThrownBy(() -> provider.getExchangeRate(beforeAnyRate))
                .isInstanceOf(CurrencyConversionException.class)
                .hasCauseInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> provider.getExchangeRate("USD", "CNY"))
                .isInstanceOf(CurrencyConversionException.class);
    }

    @Test
    void isNamedAfterItsStation() {
        assertThat(provider.getContext().getProviderName()).isEqualTo("SETTLEKIT-T1");
    }
}
