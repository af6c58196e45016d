package io.settlekit.formats.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.settlekit.base.SettlekitException;
import io.settlekit.money.Amount;
import io.settlekit.money.CurrencyTotals;
import io.settlekit.money.FeeRate;
import io.settlekit.money.FeeType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettlekitJacksonModuleTest {
    private final ObjectMapper mapper = SettlekitJson.newMapper();

    @Test
    void writesTheFeeTypeListItemsTheEndpointsReturn() throws Exception {
        List<FeeTypeItem> items = List.of(FeeTypeItem.of(FeeType.CNY), FeeTypeItem.of(FeeType.HKD));

        assertThat(mapper.writeValueAsString(items))
                .isEqualTo("[{\"symbol\":\"¥\",\"type\":\"CNY\",\"name\":\"人民币\"},{\"symbol\":\"$\",\"type\":\"HKD\",\"name\":\"港币\"}]");
        assertThat(SettlekitJson.read(mapper, "{\"symbol\":\"¥\",\"type\":\"CNY\",\"name\":\"人民币\"}", FeeTypeItem.class))
                .isEqualTo(items.get(0));
    }

    @Test
    void writesRateValuesAsDecimalsWithFourPlaces() throws Exception {
        FeeRate rate = new FeeRate("T1", "HKD", "CNY", new BigDecimal("0.92"), Instant.EPOCH);
        FeeRate tiny = new FeeRate("T1", "CNY", "HKD", new BigDecimal("0.0001"), Instant.EPOCH);
        FeeRate huge = new FeeRate("T1", "CNY", "JPY", new BigDecimal("99999999999.9999"), Instant.EPOCH);

        assertThat(mapper.writeValueAsString(List.of(RateItem.of(rate), RateItem.of(tiny), RateItem.of(huge))))
                .isEqualTo("[{\"from_fee_type\":\"HKD\",\"to_fee_type\":\"CNY\",\"value\":0.9200},"
                        + "{\"from_fee_type\":\"CNY\",\"to_fee_type\":\"HKD\",\"value\":0.0001},"
                        + "{\"from_fee_type\":\"CNY\",\"to_fee_type\":\"JPY\",\"value\":99999999999.9999}]");
    }

    @Test
    void readsRateItemsExactlyFromNumbersOrStrings() {
        RateItem fromNumber = SettlekitJson.read(mapper, "{\"from_fee_type\":\"HKD\",\"to_fee_type\":\"CNY\",\"value\":0.9235}", RateItem.class);
        RateItem fromString = SettlekitJson.read(mapper, "{\"from_fee_type\":\"HKD\",\"to_fee_type\":\"CNY\",\"value\":\"0.9235\"}", RateItem.class);

        assertThat(fromNumber.value()).isEqualTo(new BigDecimal("0.9235"));
        assertThat(fromString).isEqualTo(fromNumber);
        assertThat(fromNumber.toFeeRate("T1", Instant.EPOCH).value()).isEqualTo(new BigDecimal("0.9235"));
    }

    @Test
    void amountsAreFenWithTheirFeeType() throws Exception {
        assertThat(mapper.writeValueAsString(Amount.ofMinor("CNY", 12300))).isEqualTo("{\"fee\":12300,\"fee_type\":\"CNY\"}");
        assertThat(SettlekitJson.read(mapper, "{\"fee\":-45,\"fee_type\":\"HKD\"}", Amount.class)).isEqualTo(Amount.ofMinor("HKD", -45));
        assertThat(SettlekitJson.read(mapper, "{\"fee\":45}", Amount.class))
                .as("a record without a fee type is CNY").isEqualTo(Amount.ofMinor("CNY", 45));
    }

    @Test
    void perCurrencyTotalsAreAMapOfFen() throws Exception {
        CurrencyTotals totals = CurrencyTotals.builder().add("HKD", 4500).add("CNY", 12300).build();

        assertThat(mapper.writeValueAsString(totals)).isEqualTo("{\"CNY\":12300,\"HKD\":4500}");
        assertThat(SettlekitJson.read(mapper, "{\"CNY\": 12300, \"HKD\": 4500}", CurrencyTotals.class)).isEqualTo(totals);
    }

    @Test
    void worksInsideTheHostsOwnTypes() throws Exception {
        record Report(String station, CurrencyTotals totals, List<Amount> amounts) {
        }
        Report report = new Report("T1", CurrencyTotals.builder().add("CNY", 1).build(), List.of(Amount.ofMinor("HKD", 2)));

        String json = mapper.writeValueAsString(report);

        assertThat(json).isEqualTo("{\"station\":\"T1\",\"totals\":{\"CNY\":1},\"amounts\":[{\"fee\":2,\"fee_type\":\"HKD\"}]}");
        assertThat(mapper.readValue(json, Report.class)).isEqualTo(report);
        assertThatThrownBy(() -> mapper.readValue("{\"station\":\"T1\",\"totals\":{\"cny\":1},\"amounts\":[]}", Report.class))
                .as("the SDK's typed error passes through the host's types unwrapped")
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.field()).contains("totals"));
        assertThat(mapper.readValue("[{\"fee\":1,\"fee_type\":\"CNY\"}]", new TypeReference<List<Amount>>() { }))
                .containsExactly(Amount.ofMinor("CNY", 1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Amount          | {\"fee\":12.5,\"fee_type\":\"CNY\"}              | invalid_value       | fee",
            "Amount          | {\"fee\":1e3,\"fee_type\":\"CNY\"}               | invalid_value       | fee",
            "Amount          | {\"fee\":\"100\",\"fee_type\":\"CNY\"}           | invalid_value       | fee",
            "Amount          | {\"fee\":99999999999999999999,\"fee_type\":\"CNY\"} | arithmetic_overflow | fee",
            "Amount          | {\"fee_type\":\"CNY\"}                           | missing_field       | fee",
            "Amount          | {\"fee\":1,\"fee_type\":\"rmb\"}                 | invalid_value       | fee_type",
            "Amount          | {\"fee\":1,\"fee_type\":7}                       | invalid_value       | fee_type",
            "Amount          | [1]                                             | invalid_value       | amount",
            "Amount          | {\"fee\":1,                                     | malformed_input     | json",
            "RateItem        | {\"from_fee_type\":\"HKD\",\"to_fee_type\":\"HKD\",\"value\":1} | same_currency | to_fee_type",
            "RateItem        | {\"from_fee_type\":\"HKD\",\"to_fee_type\":\"CNY\",\"value\":0} | invalid_value | value",
            "RateItem        | {\"from_fee_type\":\"HKD\",\"to_fee_type\":\"CNY\",\"value\":0.12345} | invalid_value | value",
            "RateItem        | {\"from_fee_type\":\"HKD\",\"to_fee_type\":\"CNY\",\"value\":123456789012} | invalid_value | value",
            "RateItem        | {\"from_fee_type\":\"HKD\",\"to_fee_type\":\"CNY\",\"value\":\"1e2\"} | invalid_value | value",
            "RateItem        | {\"from_fee_type\":\"HKD\",\"to_fee_type\":\"CNY\"}              | missing_field | value",
            "RateItem        | {\"to_fee_type\":\"CNY\",\"value\":1}                           | missing_field | from_fee_type",
            "FeeTypeItem     | {\"symbol\":\"¥\",\"type\":\"CN\",\"name\":\"x\"}              | invalid_value | type",
            "FeeTypeItem     | {\"symbol\":\" \",\"type\":\"CNY\",\"name\":\"x\"}             | missing_field | symbol",
            "CurrencyTotals  | {\"CNY\":1.5}                                    | invalid_value       | CNY",
            "CurrencyTotals  | {\"Cny\":1}                                      | invalid_value       | totals",
    })
    void readingBackValidatesLikeTheCore(String type, String json, String code, String field) {
        Class<?> target = switch (type) {
            case "Amount" -> Amount.class;
            case "RateItem" -> RateItem.class;
            case "FeeTypeItem" -> FeeTypeItem.class;
            default -> CurrencyTotals.class;
        };

        assertThatThrownBy(() -> SettlekitJson.read(mapper, json, target))
                .isInstanceOfSatisfying(SettlekitException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.field()).contains(field);
                });
    }
}
