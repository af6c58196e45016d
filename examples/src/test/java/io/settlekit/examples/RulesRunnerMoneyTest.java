package io.settlekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.examples.rules.RulesRunner;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The money ops of the rules runner answer exactly as the foundation issue shows. */
class RulesRunnerMoneyTest {
    private final RulesRunner runner = new RulesRunner();

    @Test
    void convertsWithTheRequestsRates() {
        assertThat(runner.answer("{\"op\":\"convert\",\"rates\":[{\"station\":\"T1\",\"from\":\"HKD\",\"to\":\"CNY\",\"value\":\"0.9235\"}],"
                + "\"station\":\"T1\",\"amount\":{\"fee\":12345,\"fee_type\":\"HKD\"},\"to\":\"CNY\"}"))
                .isEqualTo("{\"amount\":{\"fee\":11401,\"fee_type\":\"CNY\"}}");
    }

    @Test
    void totalsPerCurrency() {
        assertThat(runner.answer("{\"op\":\"total\",\"amounts\":[{\"fee\":100,\"fee_type\":\"CNY\"},{\"fee\":250,\"fee_type\":\"HKD\"},{\"fee\":5,\"fee_type\":\"CNY\"}]}"))
                .isEqualTo("{\"totals\":{\"CNY\":105,\"HKD\":250}}");
    }

    @Test
    void totalsAndConvertsWhenAskedTo() {
        // 2.50 HKD x 0.9235 = 2.30875 -> 2.31 CNY; plus 1.05 CNY
        assertThat(runner.answer("{\"op\":\"total\",\"amounts\":[{\"fee\":100,\"fee_type\":\"CNY\"},{\"fee\":250,\"fee_type\":\"HKD\"},{\"fee\":5,\"fee_type\":\"CNY\"}],"
                + "\"to\":\"CNY\",\"station\":\"T1\",\"rates\":[{\"station\":\"T1\",\"from\":\"HKD\",\"to\":\"CNY\",\"value\":\"0.9235\"}]}"))
                .isEqualTo("{\"totals\":{\"CNY\":105,\"HKD\":250},\"converted\":{\"fee\":336,\"fee_type\":\"CNY\"}}");
    }

    @Test
    void convertsBetweenIsoCurrenciesTheRequestNames() {
        assertThat(runner.answer("{\"op\":\"convert\",\"rates\":[{\"station\":\"T1\",\"from\":\"USD\",\"to\":\"CNY\",\"value\":\"7.1234\"}],"
                + "\"station\":\"T1\",\"amount\":{\"fee\":1000,\"fee_type\":\"USD\"},\"to\":\"CNY\"}"))
                .isEqualTo("{\"amount\":{\"fee\":7123,\"fee_type\":\"CNY\"}}");
    }

    @Test
    void decidesAnOrdersFeeType() {
        assertThat(runner.answer("{\"op\":\"order_fee_type\",\"customer\":\"HKD\",\"lines\":[\"HKD\",\"HKD\"]}"))
                .isEqualTo("{\"fee_type\":\"HKD\"}");
        assertThat(runner.answer("{\"op\":\"order_fee_type\",\"customer\":\"HKD\",\"lines\":[\"HKD\",\"CNY\",\"HKD\"]}"))
                .isEqualTo("{\"error\":{\"code\":\"currency_mismatch\",\"field\":\"lines[1]\",\"message\":\"lines[1] = 'CNY': fee type must be HKD\"}}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"op\":\"convert\",\"rates\":[{\"station\":\"T1\",\"from\":\"HKD\",\"to\":\"CNY\",\"value\":\"0.9235\"}],\"station\":\"T1\",\"amount\":{\"fee\":100,\"fee_type\":\"USD\"},\"to\":\"CNY\"} | rate_not_found | to_fee_type",
            "{\"op\":\"convert\",\"rates\":[{\"station\":\"T1\",\"from\":\"HKD\",\"to\":\"HKD\",\"value\":\"1\"}],\"station\":\"T1\",\"amount\":{\"fee\":100,\"fee_type\":\"HKD\"},\"to\":\"CNY\"} | same_currency | to_fee_type",
            "{\"op\":\"convert\",\"rates\":[{\"station\":\"T1\",\"from\":\"HKD\",\"to\":\"CNY\",\"value\":\"0\"}],\"station\":\"T1\",\"amount\":{\"fee\":100,\"fee_type\":\"HKD\"},\"to\":\"CNY\"} | invalid_value | value",
            "{\"op\":\"convert\",\"rates\":[{\"station\":\"T1\",\"from\":\"HKD\",\"to\":\"CNY\",\"value\":\"0.92351\"}],\"station\":\"T1\",\"amount\":{\"fee\":100,\"fee_type\":\"HKD\"},\"to\":\"CNY\"} | invalid_value | value",
            "{\"op\":\"convert\",\"rates\":[{\"station\":\" \",\"from\":\"HKD\",\"to\":\"CNY\",\"value\":\"0.9\"}],\"station\":\"T1\",\"amount\":{\"fee\":100,\"fee_type\":\"HKD\"},\"to\":\"CNY\"} | missing_field | station",
            "{\"op\":\"convert\",\"rates\":[],\"station\":\"T1\",\"amount\":{\"fee\":1.5,\"fee_type\":\"HKD\"},\"to\":\"CNY\"} | invalid_value | fee",
            "{\"op\":\"convert\",\"rates\":[],\"station\":\"T1\",\"amount\":{\"fee_type\":\"HKD\"},\"to\":\"CNY\"} | missing_field | fee",
            "{\"op\":\"convert\",\"rates\":[{\"station\":\"T1\",\"from\":\"hkd\",\"to\":\"CNY\",\"value\":\"0.9\"}],\"station\":\"T1\",\"amount\":{\"fee\":1,\"fee_type\":\"HKD\"},\"to\":\"CNY\"} | invalid_value | rates[0].from",
            "{\"op\":\"total\",\"amounts\":[{\"fee\":9223372036854775807,\"fee_type\":\"CNY\"},{\"fee\":1,\"fee_type\":\"CNY\"}]} | arithmetic_overflow | amount",
            "{\"op\":\"total\",\"amounts\":[{\"fee\":99999999999999999999,\"fee_type\":\"CNY\"}]} | arithmetic_overflow | fee",
            "{\"op\":\"total\"} | missing_field | amounts",
            "{\"op\":\"order_fee_type\",\"customer\":\"HKD\",\"lines\":[]} | missing_field | lines",
            "{\"op\":\"teleport\"} | invalid_value | op",
            // codes neither ISO 4217 nor the runner's catalog knows: refused by name (before: saved and converted)
            "{\"op\":\"convert\",\"rates\":[{\"station\":\"T1\",\"from\":\"ZZZ\",\"to\":\"CNY\",\"value\":\"2\"}],\"station\":\"T1\",\"amount\":{\"fee\":100,\"fee_type\":\"ZZZ\"},\"to\":\"CNY\"} | unknown_fee_type | from_fee_type",
            "{\"op\":\"convert\",\"rates\":[],\"station\":\"T1\",\"amount\":{\"fee\":100,\"fee_type\":\"QQQ\"},\"to\":\"QQQ\"} | unknown_fee_type | from_fee_type",
            "{\"op\":\"total\",\"amounts\":[{\"fee\":1,\"fee_type\":\"ZZZ\"}],\"to\":\"ZZZ\",\"station\":\"T1\",\"rates\":[]} | unknown_fee_type | to",
            "{\"amounts\":[]} | missing_field | op",
            "[1,2] | invalid_value | request",
            "{\"op\":\"total\" | malformed_input | json",
    })
    void badRequestsAnswerATypedErrorNamingTheField(String request, String code, String field) {
        assertThat(runner.answer(request))
                .startsWith("{\"error\":{\"code\":\"" + code + "\",\"field\":\"" + field + "\",\"message\":\"");
    }

    @Test
    void aBadLineDoesNotStopTheBatch() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String input = "{\"op\":\"order_fee_type\",\"customer\":\"CNY\",\"lines\":[\"CNY\"]}\nnot json\n\n"
                + "{\"op\":\"total\",\"amounts\":[{\"fee\":1,\"fee_type\":\"HKD\"}]}\n";

        runner.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8).split("\n"))
                .hasSize(3)
                .satisfies(lines -> {
                    assertThat(lines[0]).isEqualTo("{\"fee_type\":\"CNY\"}");
                    assertThat(lines[1]).startsWith("{\"error\":{\"code\":\"malformed_input\"");
                    assertThat(lines[2]).isEqualTo("{\"totals\":{\"HKD\":1}}");
                });
    }
}
