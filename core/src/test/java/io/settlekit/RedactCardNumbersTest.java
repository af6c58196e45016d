package io.settlekit;

import io.settlekit.internal.Redact;
import io.settlekit.reconcile.MalformedFileException;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Card and account numbers read from settlement files never reach an error message whole (SecretsIT found them there). */
class RedactCardNumbersTest {

    @Test
    void cardAndAccountNumbersAreMaskedToTheirFirstSixAndLastFourDigits() {
        assertThat(Redact.cardNumbers("'5425233430109903' is not a three-letter currency code"))
                .isEqualTo("'542523******9903' is not a three-letter currency code");
        assertThat(Redact.cardNumbers("'6217002870009145672' is not a time")).isEqualTo("'621700*********5672' is not a time");
        assertThat(Redact.cardNumbers("card 5425 2334 3010 9903 or 5425-2334-3010-9903"))
                .isEqualTo("card 542523******9903 or 542523******9903");
    }

    @Test
    void shortNumbersDatesAndRunsLongerThanACardStay() {
        String text = "footer says 61214, the rows add up to 61215; 2025/03/14 00:14:22 -0700; " + "9".repeat(25);
        assertThat(Redact.cardNumbers(text)).isEqualTo(text);
    }

    @Test
    void aMalformedFileErrorQuotingACardNumberMasksIt() {
        MalformedFileException e = new MalformedFileException("STL.CSV", 5, "Gross Transaction Currency",
                "'5425233430109903' is not a three-letter currency code");

        assertThat(e.getMessage()).doesNotContain("5425233430109903").contains("'542523******9903'");
    }
}
