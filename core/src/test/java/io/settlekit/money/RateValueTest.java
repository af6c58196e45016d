package io.settlekit.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.ValidationException;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RateValueTest {

    @Test
    void normalisesToFourDecimals() {
        assertThat(RateValue.check("value", new BigDecimal("0.92"))).isEqualTo(new BigDecimal("0.9200"));
        assertThat(RateValue.check("value", new BigDecimal("0.923500"))).isEqualTo(new BigDecimal("0.9235"));
        assertThat(RateValue.check("value", new BigDecimal("99999999999.9999"))).isEqualTo(new BigDecimal("99999999999.9999"));
        assertThat(RateValue.parse("value", " 0.9235 ")).isEqualTo(new BigDecimal("0.9235"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "0.00001", "0.92351", "100000000000", "1e3", "1,5", "0x10", "NaN", "Infinity", "1.2.3", "--1"})
    void rejectsValuesTheColumnCannotHoldOrThatAreNotPlainDecimals(String text) {
        assertThatThrownBy(() -> RateValue.parse("value", text))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_value");
                    assertThat(e.field()).contains("value");
                    assertThat(e.getMessage()).contains("value = '" + text + "'");
                });
    }

    @Test
    void aMissingValueIsNamed() {
        assertThatThrownBy(() -> RateValue.parse("value", " "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.code()).isEqualTo("missing_field"));
    }
}
