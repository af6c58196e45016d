package io.settlekit.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class AmountColumnTest {

    @Test
    void sumsPerCurrencyExactlyAsCurrencyTotalsDoes() {
        String[] codes = {"CNY", "HKD", "USD", "JPY", "EUR"};
        SplittableRandom random = new SplittableRandom(7);
        List<Amount> amounts = new ArrayList<>();
        AmountColumn.Builder column = AmountColumn.builder(3);
        for (int i = 0; i < 10_000; i++) {
            // equal codes from different string instances, runs of one currency and mixed rows
            String code = new String(codes[i % 50 < 25 ? 0 : random.nextInt(codes.length)].toCharArray());
            Amount amount = Amount.ofMinor(code, random.nextLong(-1_000_000, 1_000_000));
            amounts.add(amount);
            column.add(amount);
        }
        AmountColumn built = column.build();

        assertThat(built.size()).isEqualTo(10_000);
        assertThat(built.totals()).isEqualTo(CurrencyTotals.of(amounts));
        assertThat(built.get(0)).isEqualTo(amounts.get(0));
        assertThat(built.get(9_999)).isEqualTo(amounts.get(9_999));
    }

    @Test
    void anEmptyColumnHasNoTotals() {
        assertThat(AmountColumn.builder().build().totals()).isEqualTo(CurrencyTotals.empty());
    }

    @Test
    void detectsOverflowAsCurrencyTotalsDoes() {
        AmountColumn column = AmountColumn.builder().add("CNY", Long.MAX_VALUE).add("HKD", 1).add("CNY", 1).build();

        assertThatThrownBy(column::totals)
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.code()).isEqualTo("arithmetic_overflow"));
    }

    @Test
    void rejectsBadInputByFieldAndValueAndKeepsWhatWasAdded() {
        AmountColumn.Builder builder = AmountColumn.builder().add("CNY", 5);

        assertThatThrownBy(() -> builder.add("rmb", 1))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).contains("fee_type");
                    assertThat(e.value()).isEqualTo("rmb");
                });
        assertThatThrownBy(() -> builder.add((Amount) null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> AmountColumn.builder(-1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("expected_rows"));
        AmountColumn column = builder.build();
        assertThat(column.totals().asMap()).containsExactly(Map.entry("CNY", 5L));
        assertThatThrownBy(() -> column.get(1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("row"));
        assertThatThrownBy(() -> builder.add("CNY", 1)).isInstanceOf(IllegalStateException.class);
    }
}
