package io.settlekit.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.ValidationException;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CurrencyTotalsTest {

    @Test
    void sumsPerCurrencyAndNeverAcross() {
        CurrencyTotals totals = CurrencyTotals.of(List.of(
                Amount.ofMinor("CNY", 100), Amount.ofMinor("HKD", 250), Amount.ofMinor("CNY", 5)));

        assertThat(totals.asMap()).containsExactly(Map.entry("CNY", 105L), Map.entry("HKD", 250L));
        assertThat(totals.get("HKD")).contains(Amount.ofMinor("HKD", 250));
        assertThat(totals.get("USD")).isEmpty();
    }

    @Test
    void iteratesInCodeOrderWhateverTheInputOrder() {
        CurrencyTotals totals = CurrencyTotals.builder()
                .add("USD", 1).add("AUD", 2).add("CNY", 3).add("JPY", 4).add("EUR", 5)
                .build();

        assertThat(totals.feeTypes()).containsExactly("AUD", "CNY", "EUR", "JPY", "USD");
    }

    @Test
    void equalCodesFromDifferentStringInstancesShareATotal() {
        String hkd = new String(new char[] {'H', 'K', 'D'});
        CurrencyTotals totals = CurrencyTotals.builder().add("HKD", 1).add(hkd, 2).build();

        assertThat(totals.asMap()).containsExactly(Map.entry("HKD", 3L));
    }

    @Test
    void holdsManyCurrenciesThroughTableGrowth() {
        CurrencyTotals.Builder builder = CurrencyTotals.builder();
        java.util.List<String> codes = java.util.Currency.getAvailableCurrencies().stream()
                .map(java.util.Currency::getCurrencyCode).filter(FeeTypeCodes::isWellFormed).sorted().limit(60).toList();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < codes.size(); i++) {
                builder.add(codes.get(i), i + 1);
            }
        }

        Map<String, Long> totals = builder.build().asMap();
        assertThat(totals).hasSize(60);
        for (int i = 0; i < codes.size(); i++) {
            assertThat(totals).containsEntry(codes.get(i), 3L * (i + 1));
        }
        assertThat(totals.keySet()).containsExactlyElementsOf(codes);
    }

    @Test
    void keepsNegativeAmountsAndDetectsOverflow() {
        assertThat(CurrencyTotals.builder().add("CNY", 10).add("CNY", -25).build().asMap())
                .containsEntry("CNY", -15L);
        assertThatThrownBy(() -> CurrencyTotals.builder().add("CNY", Long.MAX_VALUE).add("CNY", 1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.code()).isEqualTo("arithmetic_overflow"));
    }

    @Test
    void rejectsMalformedCodesByName() {
        assertThatThrownBy(() -> CurrencyTotals.builder().add("rmb", 1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.value()).isEqualTo("rmb"));
    }

    @Test
    void isAValue() {
        assertThat(CurrencyTotals.of(List.of(Amount.ofMinor("CNY", 1))))
                .isEqualTo(CurrencyTotals.ofMap(Map.of("CNY", 1L)))
                .hasSameHashCodeAs(CurrencyTotals.ofMap(Map.of("CNY", 1L)));
        assertThat(CurrencyTotals.empty().isEmpty()).isTrue();
    }
}
