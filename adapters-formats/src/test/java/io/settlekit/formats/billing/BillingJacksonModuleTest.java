package io.settlekit.formats.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.settlekit.Settlekit;
import io.settlekit.base.SettlekitException;
import io.settlekit.access.Actor;
import io.settlekit.access.Permission;
import io.settlekit.formats.json.SettlekitJson;
import io.settlekit.billing.Bill;
import io.settlekit.billing.Cycle;
import io.settlekit.billing.LedgerOrder;
import io.settlekit.billing.Plan;
import io.settlekit.billing.SettleRemind;
import io.settlekit.billing.BillingCalendar;
import io.settlekit.billing.StoredPlan;
import io.settlekit.billing.UnpaidList;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The seed's settlement wire shapes: plans in both forms, bill_info, unpaid_list, orders, and their errors. */
class BillingJacksonModuleTest {
    private final ObjectMapper mapper = SettlekitJson.newMapper();

    private Plan plan(String json) {
        return SettlekitJson.read(mapper, json, Plan.class);
    }

    @Test
    void readsEveryPayMethod() {
        assertThat(plan("{\"pay_method\":1,\"effective_date\":\"2017-09-28\",\"settle_remind\":-1}"))
                .isEqualTo(new Plan(new Cycle.Daily(), LocalDate.parse("2017-09-28"), SettleRemind.OFF));
        assertThat(plan("{\"pay_method\":2,\"begin_day\":7,\"settle_day\":1,\"effective_date\":\"2017-09-28\",\"settle_remind\":2}"))
                .isEqualTo(new Plan(new Cycle.Weekly(7, 1), LocalDate.parse("2017-09-28"), SettleRemind.daysBefore(2)));
        assertThat(plan("{\"pay_method\":3,\"begin_day\":5,\"settle_day\":10,\"effective_date\":\"2017-09-28\",\"settle_remind\":7}"))
                .isEqualTo(new Plan(new Cycle.Monthly(5, 10), LocalDate.parse("2017-09-28"), SettleRemind.daysBefore(7)));
        assertThat(plan("{\"pay_method\":4,\"cycle_length\":13,\"delay_day\":0,\"effective_date\":\"2017-09-28\",\"settle_remind\":1}"))
                .isEqualTo(new Plan(new Cycle.Custom(13, 0), LocalDate.parse("2017-09-28"), SettleRemind.daysBefore(1)));
    }

    @Test
    void readsTheOldCustomFormWithLengthAndDelayInTheDayFields() {
        assertThat(plan("{\"pay_method\":4,\"begin_day\":15,\"settle_day\":5,\"effective_date\":\"2017-06-01\",\"settle_remind\":-1}").cycle())
                .isEqualTo(new Cycle.Custom(15, 5));
        assertThat(plan("{\"pay_method\":4,\"begin_day\":15,\"settle_day\":5,\"cycle_length\":13,\"delay_day\":2,"
                + "\"effective_date\":\"2017-06-01\",\"settle_remind\":-1}").cycle())
                .as("the new fields win when present").isEqualTo(new Cycle.Custom(13, 2));
    }

    @Test
    void acceptsFormStringsAndIgnoresDayFieldsOfDailyPlans() {
        assertThat(plan("{\"pay_method\":\"3\",\"begin_day\":\"5\",\"settle_day\":\"10\",\"effective_date\":\"2017-09-28\",\"settle_remind\":\"-1\"}").cycle())
                .isEqualTo(new Cycle.Monthly(5, 10));
        assertThat(plan("{\"pay_method\":1,\"begin_day\":0,\"settle_day\":99,\"effective_date\":\"2017-09-28\",\"settle_remind\":-1}").cycle())
                .isEqualTo(new Cycle.Daily());
    }

    @Test
    void writesThePlanAndReadsItBack() throws Exception {
        List<Plan> plans = List.of(
                new Plan(new Cycle.Daily(), LocalDate.parse("2017-09-28"), SettleRemind.OFF),
                new Plan(new Cycle.Weekly(7, 1), LocalDate.parse("2017-09-28"), SettleRemind.daysBefore(2)),
                new Plan(new Cycle.Monthly(31, 30), LocalDate.parse("2017-09-28"), SettleRemind.OFF),
                new Plan(new Cycle.Custom(13, 5), LocalDate.parse("2017-09-28"), SettleRemind.daysBefore(3)));

        String json = mapper.writeValueAsString(plans);

        assertThat(json).isEqualTo("["
                + "{\"pay_method\":1,\"effective_date\":\"2017-09-28\",\"settle_remind\":-1},"
                + "{\"pay_method\":2,\"begin_day\":7,\"settle_day\":1,\"effective_date\":\"2017-09-28\",\"settle_remind\":2},"
                + "{\"pay_method\":3,\"begin_day\":31,\"settle_day\":30,\"effective_date\":\"2017-09-28\",\"settle_remind\":-1},"
                + "{\"pay_method\":4,\"begin_day\":13,\"settle_day\":5,\"cycle_length\":13,\"delay_day\":5,\"effective_date\":\"2017-09-28\",\"settle_remind\":3}]");
        assertThat(mapper.readValue(json, Plan[].class)).containsExactlyElementsOf(plans);
    }

    @Test
    void aWireReminderWithoutAddSettleRemindIsStoredAsOff() throws Exception {
        Settlekit kit = Settlekit.embedded().build();
        Plan posted = plan("{\"pay_method\":3,\"begin_day\":5,\"settle_day\":10,\"effective_date\":\"2017-10-01\",\"settle_remind\":2}");

        StoredPlan byClerk = kit.billingPlans().save(Actor.user("clerk"), "1001", posted);
        StoredPlan byManager = kit.billingPlans().save(Actor.user("manager", Permission.ADD_SETTLE_REMIND), "1002", posted);

        assertThat(mapper.writeValueAsString(byClerk.plan())).contains("\"settle_remind\":-1");
        assertThat(mapper.writeValueAsString(byManager.plan())).contains("\"settle_remind\":2");
    }

    private static final BillingCalendar MONTHLY_5_10 = BillingCalendar.of(List.of(
            new Plan(new Cycle.Monthly(5, 10), LocalDate.parse("2017-01-01"), SettleRemind.daysBefore(2))));
    private static final List<LedgerOrder> ORDERS = List.of(
            LedgerOrder.of("PL0001", LocalDate.parse("2017-08-20"), "CNY", 100, 0, 10),
            LedgerOrder.of("PL0003", LocalDate.parse("2017-09-05"), "CNY", 250, 200, 10),
            LedgerOrder.of("PL0004", LocalDate.parse("2017-10-04"), "CNY", 150, 0, 5));

    @Test
    void writesTheSeedsBillInfo() throws Exception {
        Bill bill = Bill.of(MONTHLY_5_10, "CNY", ORDERS, LocalDate.parse("2017-10-08"));

        assertThat(mapper.writeValueAsString(bill)).isEqualTo("{\"pay_price\":200,\"history_pay_price\":100,\"paid_price\":200,"
                + "\"total_price\":400,\"fee_type\":\"CNY\",\"pay_method\":3,\"begin_day\":5,\"settle_day\":10,"
                + "\"bill_begin_date\":\"09-05\",\"bill_end_date\":\"10-04\",\"bill_settle_date\":\"10-10\","
                + "\"bill_begin_date_iso\":\"2017-09-05\",\"bill_end_date_iso\":\"2017-10-04\",\"bill_settle_date_iso\":\"2017-10-10\"}");
    }

    @Test
    void writesTheSeedsUnpaidList() throws Exception {
        UnpaidList list = UnpaidList.of(MONTHLY_5_10, "CNY", Optional.of("鲜果坊"), ORDERS, LocalDate.parse("2017-10-08"));

        assertThat(mapper.writeValueAsString(list)).isEqualTo("{\"resname\":\"鲜果坊\",\"fee_type\":\"CNY\","
                + "\"settle_time\":\"最迟10月10日\",\"settle_date\":\"2017-10-10\","
                + "\"current_settle\":\"9月5日~10月4日\",\"current_begin\":\"2017-09-05\",\"current_end\":\"2017-10-04\","
                + "\"history_settle\":\"9月5日00:00:00前\",\"history_before\":\"2017-09-05\","
                + "\"current_orders\":["
                + "{\"create_time\":\"9月5号\",\"date\":\"2017-09-05\",\"order_id\":\"PL0003\",\"status\":10,\"total_pay\":250,\"unpaid\":50},"
                + "{\"create_time\":\"10月4号\",\"date\":\"2017-10-04\",\"order_id\":\"PL0004\",\"status\":5,\"total_pay\":150,\"unpaid\":150}],"
                + "\"history_orders\":["
                + "{\"create_time\":\"8月20号\",\"date\":\"2017-08-20\",\"order_id\":\"PL0001\",\"status\":10,\"total_pay\":100,\"unpaid\":100}]}");
        assertThat(mapper.writeValueAsString(UnpaidList.of(MONTHLY_5_10, "CNY", Optional.empty(), List.of(), LocalDate.parse("2017-10-08"))))
                .as("no name, no resname").startsWith("{\"fee_type\":\"CNY\",");
    }

    @Test
    void readsOrders() {
        assertThat(SettlekitJson.read(mapper, "{\"id\":\"PL1\",\"date\":\"2017-09-06\",\"amount\":2750,\"paid\":0,\"status\":10}", LedgerOrder.class))
                .isEqualTo(LedgerOrder.of("PL1", LocalDate.parse("2017-09-06"), "CNY", 2750, 0, 10));
        assertThat(SettlekitJson.read(mapper, "{\"id\":17,\"date\":\"2017-09-06\",\"amount\":1,\"paid\":1,\"fee_type\":\"HKD\"}", LedgerOrder.class))
                .isEqualTo(LedgerOrder.of("17", LocalDate.parse("2017-09-06"), "HKD", 1, 1, 0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"effective_date\":\"2017-09-28\",\"settle_remind\":-1}                                       | missing_field | pay_method",
            "{\"pay_method\":5,\"effective_date\":\"2017-09-28\",\"settle_remind\":-1}                      | invalid_value | pay_method",
            "{\"pay_method\":\"two\",\"effective_date\":\"2017-09-28\",\"settle_remind\":-1}                | invalid_value | pay_method",
            "{\"pay_method\":2.5,\"effective_date\":\"2017-09-28\",\"settle_remind\":-1}                    | invalid_value | pay_method",
            "{\"pay_method\":2,\"settle_day\":1,\"effective_date\":\"2017-09-28\",\"settle_remind\":-1}     | missing_field | begin_day",
            "{\"pay_method\":2,\"begin_day\":8,\"settle_day\":1,\"effective_date\":\"2017-09-28\",\"settle_remind\":-1} | invalid_value | begin_day",
            "{\"pay_method\":2,\"begin_day\":1,\"settle_day\":0,\"effective_date\":\"2017-09-28\",\"settle_remind\":-1} | invalid_value | settle_day",
            "{\"pay_method\":3,\"begin_day\":32,\"settle_day\":1,\"effective_date\":\"2017-09-28\",\"settle_remind\":-1} | invalid_value | begin_day",
            "{\"pay_method\":3,\"begin_day\":1,\"settle_day\":0,\"effective_date\":\"2017-09-28\",\"settle_remind\":-1} | invalid_value | settle_day",
            "{\"pay_method\":4,\"cycle_length\":0,\"delay_day\":1,\"effective_date\":\"2017-09-28\",\"settle_remind\":-1} | invalid_value | cycle_length",
            "{\"pay_method\":4,\"cycle_length\":366,\"delay_day\":1,\"effective_date\":\"2017-09-28\",\"settle_remind\":-1} | invalid_value | cycle_length",
            "{\"pay_method\":4,\"cycle_length\":10,\"effective_date\":\"2017-09-28\",\"settle_remind\":-1}  | missing_field | delay_day",
            "{\"pay_method\":4,\"cycle_length\":10,\"delay_day\":-1,\"effective_date\":\"2017-09-28\",\"settle_remind\":-1} | invalid_value | delay_day",
            "{\"pay_method\":4,\"begin_day\":0,\"settle_day\":1,\"effective_date\":\"2017-09-28\",\"settle_remind\":-1} | invalid_value | begin_day",
            "{\"pay_method\":4,\"begin_day\":10,\"settle_day\":400,\"effective_date\":\"2017-09-28\",\"settle_remind\":-1} | invalid_value | settle_day",
            "{\"pay_method\":4,\"effective_date\":\"2017-09-28\",\"settle_remind\":-1}                      | missing_field | begin_day",
            "{\"pay_method\":1,\"settle_remind\":-1}                                                      | missing_field | effective_date",
            "{\"pay_method\":1,\"effective_date\":\"2017-6-1\",\"settle_remind\":-1}                        | invalid_value | effective_date",
            "{\"pay_method\":1,\"effective_date\":\"2017-02-30\",\"settle_remind\":-1}                      | invalid_value | effective_date",
            "{\"pay_method\":1,\"effective_date\":20170928,\"settle_remind\":-1}                            | invalid_value | effective_date",
            "{\"pay_method\":1,\"effective_date\":\"1899-12-31\",\"settle_remind\":-1}                      | invalid_value | effective_date",
            "{\"pay_method\":1,\"effective_date\":\"2017-09-28\"}                                          | missing_field | settle_remind",
            "{\"pay_method\":1,\"effective_date\":\"2017-09-28\",\"settle_remind\":0}                       | invalid_value | settle_remind",
            "{\"pay_method\":1,\"effective_date\":\"2017-09-28\",\"settle_remind\":8}                       | invalid_value | settle_remind",
            "[1]                                                                                         | invalid_value | plan",
    })
    void invalidPlansNameTheField(String json, String code, String field) {
        assertThatThrownBy(() -> plan(json)).isInstanceOfSatisfying(SettlekitException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).contains(field);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"date\":\"2017-09-06\",\"amount\":1,\"paid\":0}                          | missing_field       | orders[3].id",
            "{\"id\":\"A\",\"amount\":1,\"paid\":0}                                   | missing_field       | orders[3].date",
            "{\"id\":\"A\",\"date\":\"2017-09-06\",\"paid\":0}                          | missing_field       | orders[3].amount",
            "{\"id\":\"A\",\"date\":\"2017-09-06\",\"amount\":1}                        | missing_field       | orders[3].paid",
            "{\"id\":\"A\",\"date\":\"2017-09-06\",\"amount\":1.5,\"paid\":0}           | invalid_value       | orders[3].amount",
            "{\"id\":\"A\",\"date\":\"2017-09-06\",\"amount\":-1,\"paid\":0}            | invalid_value       | orders[3].amount",
            "{\"id\":\"A\",\"date\":\"2017-09-06\",\"amount\":1,\"paid\":2}             | invalid_value       | orders[3].paid",
            "{\"id\":\"A\",\"date\":\"2017-09-06\",\"amount\":99999999999999999999,\"paid\":0} | arithmetic_overflow | orders[3].amount",
            "{\"id\":\"A\",\"date\":\"2017-09-06\",\"amount\":1,\"paid\":0,\"fee_type\":\"rmb\"} | invalid_value | orders[3].fee_type",
            "{\"id\":\"A\",\"date\":\"09-06\",\"amount\":1,\"paid\":0}                  | invalid_value       | orders[3].date",
            "{\"id\":\"A\",\"date\":\"2017-09-06\",\"amount\":1,\"paid\":0,\"status\":\"x\"} | invalid_value     | orders[3].status",
    })
    void invalidOrdersNameTheFieldWithItsPlace(String json, String code, String field) throws Exception {
        assertThatThrownBy(() -> OrderWire.read(mapper.readTree(json), "orders[3]."))
                .isInstanceOfSatisfying(SettlekitException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.field()).contains(field);
                });
    }
}
