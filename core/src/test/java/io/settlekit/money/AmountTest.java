package io.settlekit.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.CurrencyMismatchException;
import io.settlekit.base.ValidationException;

import java.math.BigDecimal;

import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

class AmountTest {

    @Test
    void convertsFromAndToMonetaryAmountExactly() {
        Amount amount = Amount.of(Money.of(new BigDecimal("123.45"), "HKD"));

        assertThat(amount).isEqualTo(Amount.ofMinor("HKD", 12345));
        assertThat(amount.toMonetaryAmount()).isEqualTo(Money.of(new BigDecimal("123.45"), "HKD"));
    }

    @Test
    void usesEachCurrencysMinorDigits() {
        assertThat(Amount.ofMajor("JPY", new BigDecimal("4980")).fen()).isEqualTo(4980);
        assertThat(Amount.ofMajor("KWD", new BigDecimal("1.234")).fen()).isEqualTo(1234);
        assertThat(Amount.ofMinor("JPY", 4980).toMajor()).isEqualTo(new BigDecimal("4980"));
        assertThat(Amount.ofMinor("CNY", 5).toString()).isEqualTo("0.05 CNY");
    }

    @Test
    void refusesToRoundSilently() {
        assertThatThrownBy(() -> Amount.ofMajor("CNY", new BigDecimal("1.005")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("amount = '1.005'");
        assertThatThrownBy(() -> Amount.ofMajor("JPY", new BigDecimal("1.5")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void rejectsMalformedCodes() {
        assertThatThrownBy(() -> Amount.ofMinor("cny", 1))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_value");
                    assertThat(e.field()).contains("fee_type");
                    assertThat(e.value()).isEqualTo("cny");
                });
        assertThatThrownBy(() -> Amount.ofMinor(null, 1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.code()).isEqualTo("missing_field"));
    }

    @Test
    void addsOnlyTheSameCurrencyAndNeverOverflowsSilently() {
        assertThat(Amount.ofMinor("CNY", 100).plus(Amount.ofMinor("CNY", 5))).isEqualTo(Amount.ofMinor("CNY", 105));
        assertThat(Amount.ofMinor("CNY", 100).minus(Amount.ofMinor("CNY", 105))).isEqualTo(Amount.ofMinor("CNY", -5));
        assertThatThrownBy(() -> Amount.ofMinor("CNY", 1).plus(Amount.ofMinor("HKD", 1)))
                .isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> Amount.ofMinor("CNY", Long.MAX_VALUE).plus(Amount.ofMinor("CNY", 1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.code()).isEqualTo("arithmetic_overflow"));
        assertThatThrownBy(() -> Amount.ofMinor("CNY", Long.MIN_VALUE).negate())
                .isInstanceOf(ValidationException.class);
    }
}
