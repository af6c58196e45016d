package io.settlekit.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.NotFoundException;
import io.settlekit.base.PermissionDeniedException;
import io.settlekit.base.SettlekitException;
import io.settlekit.base.ValidationException;
import io.settlekit.access.Actor;
import io.settlekit.access.Permission;
import io.settlekit.money.memory.InMemoryFeeRateStore;
import io.settlekit.money.memory.InMemoryFeeTypeStore;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.javamoney.moneta.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateBookTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant T0 = Instant.parse("2026-11-21T02:00:00Z");
    private static final Actor EDITOR = Actor.user("u-edit", Permission.EDIT_FEE_RATE, Permission.GET_FEE_RATE);
    private static final Actor VIEWER = Actor.user("u-view", Permission.GET_FEE_RATE);

    private final SettableClock clock = new SettableClock(T0, SHANGHAI);
    private InMemoryFeeRateStore store;
    private RateBook book;

    @BeforeEach
    void setUp() {
        store = new InMemoryFeeRateStore();
        FeeTypeCatalog catalog = new FeeTypeCatalog(new InMemoryFeeTypeStore(List.of(
                FeeType.CNY, FeeType.HKD, new FeeType("JPY", "円", "日元", "¥"), new FeeType("MYR", "令吉", "马来西亚令吉", "RM"))));
        book = new RateBook(store, catalog, clock, SHANGHAI);
    }

    @Test
    void convertsWithTheDirectRateRoundingOnceHalfUp() {
        book.save(EDITOR, "T1", "HKD", "CNY", new BigDecimal("0.9235"));

        // 123.45 HKD x 0.9235 = 114.006075 CNY -> 114.01
        assertThat(book.convert(Amount.ofMinor("HKD", 12345), "CNY", "T1")).isEqualTo(Amount.ofMinor("CNY", 11401));
        assertThat(book.convert(Money.of(new BigDecimal("123.45"), "HKD"), "CNY", "T1"))
                .isEqualTo(Money.of(new BigDecimal("114.01"), "CNY"));
    }

    @Test
    void fallsBackToTheInverseRateAtDecimal128() {
        book.save(EDITOR, "T1", "CNY", "HKD", new BigDecimal("1.0833"));

        // 100.00 HKD / 1.0833 = 92.310532...  -> 92.31
        assertThat(book.convert(Amount.ofMinor("HKD", 10000), "CNY", "T1")).isEqualTo(Amount.ofMinor("CNY", 9231));
        assertThat(book.factor("T1", "HKD", "CNY", T0))
                .isEqualTo(BigDecimal.ONE.divide(new BigDecimal("1.0833"), java.math.MathContext.DECIMAL128));
    }

    @Test
    void preferTheDirectRateOverTheInverse() {
        book.save(EDITOR, "T1", "CNY", "HKD", new BigDecimal("2.0000"));
        book.save(EDITOR, "T1", "HKD", "CNY", new BigDecimal("0.9000"));

        assertThat(book.convert(Amount.ofMinor("HKD", 100), "CNY", "T1")).isEqualTo(Amount.ofMinor("CNY", 90));
    }

    @Test
    void roundsIntoTheTargetsMinorDigits() {
        book.save(EDITOR, "T1", "CNY", "JPY", new BigDecimal("20.5050"));

        // 1.01 CNY x 20.505 = 20.71005 JPY -> 21 (JPY has no minor digits)
        assertThat(book.convert(Amount.ofMinor("CNY", 101), "JPY", "T1")).isEqualTo(Amount.ofMinor("JPY", 21));
        // negative amounts round half away from zero, symmetrically
        assertThat(book.convert(Amount.ofMinor("CNY", -101), "JPY", "T1")).isEqualTo(Amount.ofMinor("JPY", -21));
    }

    @Test
    void theSameCurrencyNeedsNoRate() {
        assertThat(book.convert(Amount.ofMinor("CNY", 5), "CNY", "T1")).isEqualTo(Amount.ofMinor("CNY", 5));
    }

    @Test
    void aMissingPairIsATypedNotFoundNamingStationAndPair() {
        book.save(EDITOR, "T1", "HKD", "CNY", new BigDecimal("0.9235"));

        assertThatThrownBy(() -> book.convert(Amount.ofMinor("MYR", 100), "CNY", "T1"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.code()).isEqualTo("rate_not_found");
                    assertThat(e.getMessage()).contains("'T1'").contains("MYR -> CNY");
                });
        assertThatThrownBy(() -> book.convert(Amount.ofMinor("HKD", 100), "CNY", "T2"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("'T2'");
    }

    @Test
    void convertsPerCurrencyTotalsWithOneRoundingPerCurrency() {
        book.save(EDITOR, "T1", "HKD", "CNY", new BigDecimal("0.9235"));
        book.save(EDITOR, "T1", "MYR", "CNY", new BigDecimal("1.5555"));
        CurrencyTotals totals = CurrencyTotals.builder()
                .add("CNY", 105).add("HKD", 1).add("HKD", 1).add("MYR", 3).build();

        // HKD 0.02 x 0.9235 = 0.01847 -> 0.02 ; MYR 0.03 x 1.5555 = 0.046665 -> 0.05 ; + CNY 1.05
        assertThat(book.convert(totals, "CNY", "T1")).isEqualTo(Amount.ofMinor("CNY", 105 + 2 + 5));
    }

    @Test
    void savingAppendsHistoryAndListingShowsTheCurrentRates() {
        book.save(EDITOR, "T1", "HKD", "CNY", new BigDecimal("0.91"));
        clock.set(T0.plusSeconds(60));
        book.save(EDITOR, "T1", "HKD", "CNY", new BigDecimal("0.9235"));
        book.save(EDITOR, "T1", "CNY", "HKD", new BigDecimal("1.0833"));
        book.save(EDITOR, "T2", "MYR", "CNY", new BigDecimal("1.5"));

        assertThat(book.list(VIEWER, "T1", Optional.empty(), Optional.empty()))
                .extracting(r -> r.from() + ">" + r.to() + "=" + r.value())
                .containsExactly("CNY>HKD=1.0833", "HKD>CNY=0.9235");
        assertThat(book.list(VIEWER, "T1", Optional.of("HKD"), Optional.empty()))
                .extracting(FeeRate::value).containsExactly(new BigDecimal("0.9235"));
        assertThat(book.list(VIEWER, "T1", Optional.empty(), Optional.of("HKD")))
                .extracting(FeeRate::from).containsExactly("CNY");
        assertThat(book.list(VIEWER, "T1", Optional.of("HKD"), Optional.of("HKD"))).isEmpty();
        assertThat(book.rateAt("T1", "HKD", "CNY", T0.plusSeconds(59)).orElseThrow().value())
                .isEqualTo(new BigDecimal("0.9100"));
        assertThat(book.convertAt(Amount.ofMinor("HKD", 10000), "CNY", "T1", T0))
                .isEqualTo(Amount.ofMinor("CNY", 9100));
    }

    @Test
    void savedRatesAreStampedToTheSecond() {
        clock.set(T0.plusMillis(999));
        FeeRate saved = book.save(EDITOR, "T1", "HKD", "CNY", new BigDecimal("0.9235"));

        assertThat(saved.savedAt()).isEqualTo(T0);
    }

    @Test
    void permissionsAreCheckedAndARefusalChangesNothing() {
        assertThatThrownBy(() -> book.save(VIEWER, "T1", "HKD", "CNY", new BigDecimal("0.9")))
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> {
                    assertThat(e.code()).isEqualTo("permission_denied");
                    assertThat(e.permission()).isEqualTo("edit_fee_rate");
                    assertThat(e.getMessage()).contains("edit_fee_rate");
                });
        assertThatThrownBy(() -> book.list(Actor.user("nobody"), "T1", Optional.empty(), Optional.empty()))
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> assertThat(e.permission()).isEqualTo("get_fee_rate"));
        assertThat(store.ratesAt("T1", T0)).isEmpty();
        assertThat(book.list(Actor.admin("root"), "T1", Optional.empty(), Optional.empty())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "T1   | XYZ  | CNY  | 0.9    | unknown_fee_type | from_fee_type",
            "T1   | HKD  | ABC  | 0.9    | unknown_fee_type | to_fee_type",
            "T1   | hkd  | CNY  | 0.9    | invalid_value    | from_fee_type",
            "T1   | HKD  | HKD  | 0.9    | same_currency    | to_fee_type",
            "T1   | HKD  | CNY  | 0      | invalid_value    | value",
            "T1   | HKD  | CNY  | -0.5   | invalid_value    | value",
            "T1   | HKD  | CNY  | 0.12345 | invalid_value   | value",
            "T1   | HKD  | CNY  | 123456789012 | invalid_value | value",
            "' '  | HKD  | CNY  | 0.9    | missing_field    | station",
            "NULL | HKD  | CNY  | 0.9    | missing_field    | station",
            "T1   | NULL | CNY  | 0.9    | missing_field    | from_fee_type",
            "T1   | HKD  | NULL | 0.9    | missing_field    | to_fee_type",
            "T1   | HKD  | CNY  | NULL   | missing_field    | value",
            "ABCDEFGHIJKLMNOPQ | HKD | CNY | 0.9 | invalid_value | station",
    })
    void badInputIsATypedErrorNamingTheFieldAndNothingIsWritten(
            String station, String from, String to, String value, String code, String field) {
        BigDecimal rate = value == null ? null : new BigDecimal(value);

        assertThatThrownBy(() -> book.save(EDITOR, station, from, to, rate))
                .isInstanceOfSatisfying(SettlekitException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.field()).contains(field);
                    assertThat(e.getMessage()).startsWith(field);
                });
        assertThat(store.ratesAt("T1", T0)).isEmpty();
    }

    @Test
    void anUnknownFeeTypeErrorCarriesTheValue() {
        assertThatThrownBy(() -> book.save(EDITOR, "T1", "XYZ", "CNY", BigDecimal.ONE))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.value()).isEqualTo("XYZ");
                    assertThat(e.getMessage()).isEqualTo("from_fee_type = 'XYZ': is not a fee type of this catalog");
                });
    }

    @Test
    void aCodeNeitherInTheCatalogNorInIso4217IsRefusedByConversionNamingIt() {
        // before: ZZZ -> ZZZ "converted" at a factor of one, and totals in ZZZ summed into ZZZ without a word
        assertThatThrownBy(() -> book.convert(Amount.ofMinor("ZZZ", 100), "ZZZ", "T1"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((SettlekitException) e).code()).isEqualTo("unknown_fee_type"))
                .hasMessageContaining("from_fee_type").hasMessageContaining("ZZZ");
        assertThatThrownBy(() -> book.convert(Amount.ofMinor("CNY", 100), "QQQ", "T1"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("to_fee_type").hasMessageContaining("QQQ");
        assertThatThrownBy(() -> book.convert(CurrencyTotals.builder().build(), "QQQ", "T1"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("QQQ");
        assertThatThrownBy(() -> book.convert(CurrencyTotals.builder().add(Amount.ofMinor("ZZZ", 5)).build(), "ZZZ", "T1"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ZZZ");
        assertThatThrownBy(() -> book.convert(Amount.ofMinor("XXX", 100), "XXX", "T1"))
                .as("XXX means no currency").isInstanceOf(ValidationException.class).hasMessageContaining("XXX");
    }

    @Test
    void anIsoCurrencyOutsideTheCatalogConvertsToItselfAndNeedsARateOtherwise() {
        assertThat(book.convert(Amount.ofMinor("USD", 12345), "USD", "T1")).isEqualTo(Amount.ofMinor("USD", 12345));
        assertThatThrownBy(() -> book.convert(Amount.ofMinor("USD", 100), "CNY", "T1"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> book.save(EDITOR, "T1", "USD", "CNY", new BigDecimal("7.1")))
                .as("saving still needs the catalog").isInstanceOf(ValidationException.class).hasMessageContaining("USD");
    }

    @Test
    void aHostFeeTypeOutsideIso4217IsKnownThroughTheCatalog() {
        FeeTypeCatalog catalog = new FeeTypeCatalog(new InMemoryFeeTypeStore(List.of(FeeType.CNY, new FeeType("PTS", "点", "积分", "P"))));
        RateBook points = new RateBook(new InMemoryFeeRateStore(), catalog, clock, SHANGHAI);
        points.save(EDITOR, "T1", "PTS", "CNY", new BigDecimal("0.0100"));

        assertThat(points.convert(Amount.ofMinor("PTS", 10_000), "CNY", "T1")).isEqualTo(Amount.ofMinor("CNY", 100));
        assertThat(FeeTypeCodes.isIso4217("PTS")).isFalse();
        assertThat(FeeTypeCodes.isIso4217("CNY")).isTrue();
    }
}
