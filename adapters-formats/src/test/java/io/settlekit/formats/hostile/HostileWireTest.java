package io.settlekit.formats.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.settlekit.reconcile.MalformedFileException;
import io.settlekit.base.ValidationException;
import io.settlekit.formats.json.RateItem;
import io.settlekit.formats.json.ReceivableJsonLines;
import io.settlekit.formats.json.SettlekitJson;
import io.settlekit.money.Amount;
import io.settlekit.money.CurrencyTotals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Regression tests of the defects the resilience suite found in the JSON wire readers. */
class HostileWireTest {
    private final ObjectMapper mapper = SettlekitJson.newMapper();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"fee\":1,\"fee\":100000,\"fee_type\":\"CNY\"}|fee",
            "{\"fee\":1,\"fee_type\":\"CNY\",\"fee_type\":\"HKD\"}|fee_type"})
    void aKeyGivenTwiceIsRejectedNamingIt(String json, String field) {
        assertThatThrownBy(() -> SettlekitJson.read(mapper, json, Amount.class))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.code()).isEqualTo("malformed_input");
                    assertThat(e.field()).contains(field);
                });
    }

    @Test
    void aTotalsKeyGivenTwiceIsRejected() {
        assertThatThrownBy(() -> SettlekitJson.read(mapper, "{\"CNY\":1,\"HKD\":2,\"CNY\":3}", CurrencyTotals.class))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("CNY"));
    }

    @Test
    void aRateWithAnEnormousExponentIsATypedErrorNotAnOutOfMemoryError() {
        assertThatThrownBy(() -> SettlekitJson.read(mapper, "{\"from_fee_type\":\"HKD\",\"to_fee_type\":\"CNY\",\"value\":1e-999999999}", RateItem.class))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_value");
                    assertThat(e.field()).contains("value");
                });
    }

    /** Found by Jazzer ({@code WireJsonFuzzIT}): Jackson threw a bare NumberFormatException for these. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"CNY\":99999e999999999999999}|totals|" + "CurrencyTotals",
            "{\"fee\":1e9999999999,\"fee_type\":\"CNY\"}|amount|Amount",
            "{\"from_fee_type\":\"HKD\",\"to_fee_type\":\"CNY\",\"value\":1e-9999999999}|rate|RateItem",
            "{\"pay_method\":1e99999999999}|plan|Plan",
            "{\"id\":\"o1\",\"amount\":1e99999999999}|order|LedgerOrder"})
    void aNumberBeyondBigDecimalIsATypedErrorNamingTheShape(String json, String field, String type) {
        Class<?> shape = switch (type) {
            case "CurrencyTotals" -> CurrencyTotals.class;
            case "Amount" -> Amount.class;
            case "RateItem" -> RateItem.class;
            case "Plan" -> io.settlekit.billing.Plan.class;
            default -> io.settlekit.billing.LedgerOrder.class;
        };
        assertThatThrownBy(() -> SettlekitJson.read(mapper, json, shape))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_value");
                    assertThat(e.field()).contains(field);
                    assertThat(e.getMessage()).contains("out of range");
                });
    }

    @Test
    void aReceivableLineWithANumberBeyondBigDecimalNamesTheLine() {
        String line = "{\"reference\":\"ORD-1\",\"direction\":\"forward\",\"amount\":{\"fee\":1e99999999999,\"fee_type\":\"USD\"},"
                + "\"time\":\"2025-03-14T07:14:22Z\"}";

        assertThatThrownBy(() -> new ReceivableJsonLines().parse("recv.jsonl", 3, line))
                .isInstanceOfSatisfying(MalformedFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("out of range");
                });
    }

    @Test
    void aReceivableLineWithADuplicateKeyNamesLineAndKey() {
        String line = "{\"reference\":\"ORD-1\",\"direction\":\"forward\",\"amount\":{\"fee\":1,\"fee_type\":\"USD\"},"
                + "\"time\":\"2025-03-14T07:14:22Z\",\"reference\":\"ORD-2\"}";

        assertThatThrownBy(() -> new ReceivableJsonLines().parse("recv.jsonl", 7, line))
                .isInstanceOfSatisfying(MalformedFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(7);
                    assertThat(e.column()).isEqualTo("reference");
                });
    }
}
