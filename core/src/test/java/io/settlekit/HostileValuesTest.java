package io.settlekit;

import io.settlekit.base.ValidationException;
import io.settlekit.reconcile.MalformedFileException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.access.Actor;
import io.settlekit.money.Amount;
import io.settlekit.money.RateValue;
import io.settlekit.refresh.RefreshLimiter;
import io.settlekit.refresh.memory.InMemoryDailyCounters;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Values a hostile caller can send in a few bytes must give short typed errors, not huge messages or crashes. */
class HostileValuesTest {

    @Test
    void aRateWithAnEnormousExponentIsRejectedWithAShortMessage() {
        // 1e-999999999 is 12 bytes of JSON; its plain form has a billion digits (it ran the rules runner out of memory)
        assertThatThrownBy(() -> RateValue.check("value", new BigDecimal("1e-999999999")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_value");
                    assertThat(e.field()).contains("value");
                    assertThat(e.getMessage()).hasSizeLessThan(200).contains("1E-999999999");
                });
        assertThatThrownBy(() -> RateValue.check("value", new BigDecimal("1e999999999")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).hasSizeLessThan(200).contains("1E+999999999"));
        assertThatThrownBy(() -> Amount.ofMajor("CNY", new BigDecimal("-1e999999999")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    @Test
    void ordinaryDecimalsStillShowInPlainDigits() {
        assertThatThrownBy(() -> RateValue.check("value", new BigDecimal("0.92351")))
                .hasMessage("value = '0.92351': must have at most 4 decimal places");
        assertThat(ValidationException.shown(new BigDecimal("1E+3"))).isEqualTo("1000");
    }

    @Test
    void aMegabyteValueIsKeptWholeButQuotedShortInTheMessage() {
        String huge = "x".repeat(1_000_000);

        ValidationException e = ValidationException.invalid("order_id", huge, "is too long");

        assertThat(e.value()).isEqualTo(huge);
        assertThat(e.getMessage()).hasSizeLessThan(200).contains("(1000000 characters)").endsWith("is too long");
    }

    @Test
    void aFileErrorQuotingAHugeFieldKeepsItsStartAndItsExplanation() {
        MalformedFileException e = new MalformedFileException("STL.CSV", 5, "Gross", "'" + "9".repeat(500_000) + "' is not an amount");

        assertThat(e.getMessage()).hasSizeLessThan(400).startsWith("STL.CSV line 5 column 'Gross': '999").endsWith("is not an amount");
    }

    @Test
    void aRefreshCheckAtTheEndOfTimeIsATypedErrorNamingAt() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        RefreshLimiter limiter = new RefreshLimiter(new InMemoryDailyCounters(), Clock.systemUTC(), zone, 1);

        assertThatThrownBy(() -> limiter.checkAt(Actor.user("u1"), RefreshLimiter.BALANCE_REFRESH, Instant.MAX))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("at"));
    }
}
