package io.settlekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.examples.rules.RulesRunner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The settlement ops of the rules runner: {@code calendar} and {@code bill}, answers and errors. */
class RulesRunnerSettlementTest {
    private static final String MONTHLY_5_10 =
            "{\"pay_method\":3,\"begin_day\":5,\"settle_day\":10,\"effective_date\":\"2017-01-01\",\"settle_remind\":2}";

    private final RulesRunner runner = new RulesRunner();

    @Test
    void answersTheCalendarOfADate() {
        assertThat(runner.answer("{\"op\":\"calendar\",\"plans\":[" + MONTHLY_5_10 + "],\"date\":\"2017-09-28\"}"))
                .isEqualTo("{\"period\":{\"begin\":\"2017-09-05\",\"end\":\"2017-10-04\",\"settle\":\"2017-10-10\"},"
                        + "\"pending\":{\"begin\":\"2017-09-05\",\"end\":\"2017-10-04\",\"settle\":\"2017-10-10\"},"
                        + "\"deadline\":\"2017-10-10\",\"reminder\":\"2017-10-08\"}");
    }

    @Test
    void aPlanChangeLeavesTheOldPlansShortPeriodPendingAndItsReminderOff() {
        assertThat(runner.answer("{\"op\":\"calendar\",\"plans\":["
                + "{\"pay_method\":3,\"begin_day\":1,\"settle_day\":10,\"effective_date\":\"2017-01-01\",\"settle_remind\":-1},"
                + "{\"pay_method\":1,\"effective_date\":\"2017-09-15\",\"settle_remind\":3}],\"date\":\"2017-09-20\"}"))
                .isEqualTo("{\"period\":{\"begin\":\"2017-09-20\",\"end\":\"2017-09-20\",\"settle\":\"2017-09-21\"},"
                        + "\"pending\":{\"begin\":\"2017-09-01\",\"end\":\"2017-09-14\",\"settle\":\"2017-10-10\"},"
                        + "\"deadline\":\"2017-09-21\",\"reminder\":null}");
    }

    @Test
    void acceptsTheOldCustomForm() {
        assertThat(runner.answer("{\"op\":\"calendar\",\"plans\":["
                + "{\"pay_method\":4,\"begin_day\":13,\"settle_day\":5,\"effective_date\":\"2017-06-01\",\"settle_remind\":3}],"
                + "\"date\":\"2017-06-14\"}"))
                .isEqualTo("{\"period\":{\"begin\":\"2017-06-14\",\"end\":\"2017-06-26\",\"settle\":\"2017-07-01\"},"
                        + "\"pending\":{\"begin\":\"2017-06-01\",\"end\":\"2017-06-13\",\"settle\":\"2017-06-18\"},"
                        + "\"deadline\":\"2017-07-01\",\"reminder\":\"2017-06-15\"}");
    }

    @Test
    void answersTheBillInfoAndUnpaidListShapes() {
        String answer = runner.answer("{\"op\":\"bill\",\"plans\":[" + MONTHLY_5_10 + "],\"date\":\"2017-10-08\",\"orders\":["
                + "{\"id\":\"PL0001\",\"date\":\"2017-08-20\",\"amount\":100,\"paid\":0,\"status\":10},"
                + "{\"id\":\"PL0003\",\"date\":\"2017-09-05\",\"amount\":250,\"paid\":200,\"status\":10},"
                + "{\"id\":\"PL0004\",\"date\":\"2017-10-04\",\"amount\":150,\"paid\":0,\"status\":10},"
                + "{\"id\":\"PL0005\",\"date\":\"2017-10-05\",\"amount\":999,\"paid\":0,\"status\":10}]}");

        assertThat(answer).isEqualTo("{\"bill_info\":{\"pay_price\":200,\"history_pay_price\":100,\"paid_price\":200,"
                + "\"total_price\":400,\"fee_type\":\"CNY\",\"pay_method\":3,\"begin_day\":5,\"settle_day\":10,"
                + "\"bill_begin_date\":\"09-05\",\"bill_end_date\":\"10-04\",\"bill_settle_date\":\"10-10\","
                + "\"bill_begin_date_iso\":\"2017-09-05\",\"bill_end_date_iso\":\"2017-10-04\",\"bill_settle_date_iso\":\"2017-10-10\"},"
                + "\"unpaid_list\":{\"fee_type\":\"CNY\",\"settle_time\":\"最迟10月10日\",\"settle_date\":\"2017-10-10\","
                + "\"current_settle\":\"9月5日~10月4日\",\"current_begin\":\"2017-09-05\",\"current_end\":\"2017-10-04\","
                + "\"history_settle\":\"9月5日00:00:00前\",\"history_before\":\"2017-09-05\",\"current_orders\":["
                + "{\"create_time\":\"9月5号\",\"date\":\"2017-09-05\",\"order_id\":\"PL0003\",\"status\":10,\"total_pay\":250,\"unpaid\":50},"
                + "{\"create_time\":\"10月4号\",\"date\":\"2017-10-04\",\"order_id\":\"PL0004\",\"status\":10,\"total_pay\":150,\"unpaid\":150}],"
                + "\"history_orders\":[{\"create_time\":\"8月20号\",\"date\":\"2017-08-20\",\"order_id\":\"PL0001\",\"status\":10,\"total_pay\":100,\"unpaid\":100}]}}");
    }

    @Test
    void billsAMerchantInItsOwnCurrency() {
        assertThat(runner.answer("{\"op\":\"bill\",\"plans\":[" + MONTHLY_5_10 + "],\"date\":\"2017-10-08\",\"fee_type\":\"HKD\","
                + "\"resname\":\"港岛鲜蔬\",\"orders\":[{\"id\":\"HK1\",\"date\":\"2017-09-10\",\"amount\":500,\"paid\":0,\"fee_type\":\"HKD\"}]}"))
                .contains("\"pay_price\":500").contains("\"fee_type\":\"HKD\"").contains("\"resname\":\"港岛鲜蔬\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"op\":\"calendar\",\"date\":\"2017-09-28\"} | missing_field | plans",
            "{\"op\":\"calendar\",\"plans\":[],\"date\":\"2017-09-28\"} | missing_field | plans",
            "{\"op\":\"calendar\",\"plans\":{},\"date\":\"2017-09-28\"} | invalid_value | plans",
            "{\"op\":\"calendar\",\"plans\":[" + MONTHLY_5_10 + "]} | missing_field | date",
            "{\"op\":\"calendar\",\"plans\":[" + MONTHLY_5_10 + "],\"date\":\"2017-09-31\"} | invalid_value | date",
            "{\"op\":\"calendar\",\"plans\":[" + MONTHLY_5_10 + ",{\"pay_method\":2,\"begin_day\":9,\"settle_day\":1,\"effective_date\":\"2017-09-01\",\"settle_remind\":-1}],\"date\":\"2017-09-28\"} | invalid_value | plans[1].begin_day",
            "{\"op\":\"calendar\",\"plans\":[{\"pay_method\":7,\"effective_date\":\"2017-09-01\",\"settle_remind\":-1}],\"date\":\"2017-09-28\"} | invalid_value | plans[0].pay_method",
            "{\"op\":\"calendar\",\"plans\":[{\"pay_method\":1,\"effective_date\":\"2017-09-01\"}],\"date\":\"2017-09-28\"} | missing_field | plans[0].settle_remind",
            "{\"op\":\"calendar\",\"plans\":[3],\"date\":\"2017-09-28\"} | invalid_value | plans[0]",
            "{\"op\":\"bill\",\"plans\":[" + MONTHLY_5_10 + "],\"date\":\"2017-10-08\"} | missing_field | orders",
            "{\"op\":\"bill\",\"plans\":[" + MONTHLY_5_10 + "],\"date\":\"2017-10-08\",\"orders\":[{\"id\":\"A\",\"date\":\"2017-09-06\",\"amount\":100,\"paid\":101}]} | invalid_value | orders[0].paid",
            "{\"op\":\"bill\",\"plans\":[" + MONTHLY_5_10 + "],\"date\":\"2017-10-08\",\"orders\":[{\"id\":\"HK1\",\"date\":\"2017-09-06\",\"amount\":100,\"paid\":0,\"fee_type\":\"HKD\"}]} | currency_mismatch | order HK1",
            "{\"op\":\"bill\",\"plans\":[" + MONTHLY_5_10 + "],\"date\":\"2017-10-08\",\"fee_type\":\"cny\",\"orders\":[]} | invalid_value | fee_type",
    })
    void badRequestsAnswerATypedErrorNamingTheField(String request, String code, String field) {
        assertThat(runner.answer(request))
                .startsWith("{\"error\":{\"code\":\"" + code + "\",\"field\":\"" + field + "\",\"message\":\"");
    }
}
