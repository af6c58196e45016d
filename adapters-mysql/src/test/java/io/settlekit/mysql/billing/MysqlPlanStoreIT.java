package io.settlekit.mysql.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.SettlekitException;
import io.settlekit.mysql.MysqlDatabaseExtension;
import io.settlekit.mysql.SqlTable;
import io.settlekit.billing.Cycle;
import io.settlekit.billing.Plan;
import io.settlekit.billing.SettleRemind;
import io.settlekit.billing.StoredPlan;
import io.settlekit.billing.PlanStore;
import io.settlekit.testkit.contract.PlanStoreContract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The MySQL plan store passes the plan store contract on the seed's {@code tbl_user_pay_method}, and reads the hosts' rows. */
class MysqlPlanStoreIT extends PlanStoreContract {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant T0 = Instant.parse("2017-09-28T02:00:00Z");

    @RegisterExtension
    static final MysqlDatabaseExtension DB = new MysqlDatabaseExtension("plans", "/ddl/settlement-plans.sql");

    @Override
    protected PlanStore newStore() {
        DB.run("DELETE FROM tbl_user_pay_method");
        return new MysqlPlanStore(DB.dataSource(), SHANGHAI);
    }

    @Test
    void writesTheSeedsColumnsWithCreateTimeInTheZone() {
        PlanStore store = newStore();
        store.append(new StoredPlan("1001", new Plan(new Cycle.Daily(), LocalDate.parse("2017-06-01"), SettleRemind.OFF), T0));
        store.append(new StoredPlan("1001", new Plan(new Cycle.Weekly(7, 1), LocalDate.parse("2017-07-01"), SettleRemind.daysBefore(2)), T0));
        store.append(new StoredPlan("1001", new Plan(new Cycle.Monthly(5, 10), LocalDate.parse("2017-08-01"), SettleRemind.OFF), T0));
        store.append(new StoredPlan("1001", new Plan(new Cycle.Custom(13, 5), LocalDate.parse("2017-09-01"), SettleRemind.daysBefore(7)), T0));

        assertThat(DB.rows("SELECT user_id, pay_method, begin_day, settle_day, cycle_length, delay_day, effective_date, settle_remind,"
                + " create_time FROM tbl_user_pay_method ORDER BY id")).containsExactly(
                "1001|1|0|0|0|0|2017-06-01|-1|2017-09-28 10:00:00",
                "1001|2|7|1|0|0|2017-07-01|2|2017-09-28 10:00:00",
                "1001|3|5|10|0|0|2017-08-01|-1|2017-09-28 10:00:00",
                "1001|4|13|5|13|5|2017-09-01|7|2017-09-28 10:00:00");
    }

    @Test
    void readsTheOldCustomFormAndSkipsRowsThatMakeNoPlan() {
        PlanStore store = newStore();
        DB.run("INSERT INTO tbl_user_pay_method (user_id, pay_method, begin_day, settle_day, cycle_length, delay_day, effective_date, settle_remind, create_time) VALUES"
                + " (2001, 4, 15, 5, 0, 0, '2017-06-01', -1, '2017-06-01 09:00:00'),"  // old form: length in begin_day, delay in settle_day
                + " (2001, 9, 1, 1, 0, 0, '2017-07-01', -1, '2017-07-01 09:00:00'),"   // unknown pay method: skipped
                + " (2001, 2, 0, 1, 0, 0, '2017-08-01', 3, '2017-08-01 09:00:00'),"    // weekly begin 0: skipped
                + " (2001, 3, 31, 31, 0, 0, '2017-09-01', 0, '2017-09-01 09:00:00'),"  // settle_remind 0 is off
                + " (2001, 1, 0, 0, 0, 0, '2017-10-01', 9, '2017-10-01 09:00:00')");   // settle_remind 9 is off

        assertThat(store.history("2001")).extracting(StoredPlan::plan).containsExactly(
                new Plan(new Cycle.Custom(15, 5), LocalDate.parse("2017-06-01"), SettleRemind.OFF),
                new Plan(new Cycle.Monthly(31, 31), LocalDate.parse("2017-09-01"), SettleRemind.OFF),
                new Plan(new Cycle.Daily(), LocalDate.parse("2017-10-01"), SettleRemind.OFF));
        assertThat(store.history("2001").get(0).savedAt()).isEqualTo(Instant.parse("2017-06-01T01:00:00Z"));
        assertThat(store.historiesWithReminders()).as("the only row with a reminder was skipped").isEmpty();
    }

    @Test
    void merchantIdsMustBeTheIntUserIdsOfTheTable() {
        PlanStore store = newStore();
        Plan plan = new Plan(new Cycle.Daily(), LocalDate.parse("2017-06-01"), SettleRemind.OFF);

        assertThatThrownBy(() -> store.append(new StoredPlan("m-1001", plan, T0)))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.field()).contains("merchant_id"));
        assertThatThrownBy(() -> store.append(new StoredPlan("99999999999", plan, T0)))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.field()).contains("merchant_id"));
        assertThat(store.history("m-1001")).isEmpty();
        assertThat(store.history("' OR '1'='1")).isEmpty();
        assertThat(store.histories(List.of("m-1001", "01001"))).isEmpty();
    }

    @Test
    void tableAndDatabaseNamesAreConfigurable() {
        DB.run("CREATE TABLE IF NOT EXISTS plans_of_group_2 LIKE tbl_user_pay_method");
        MysqlPlanStore custom = new MysqlPlanStore(DB.dataSource(), SqlTable.of(DB.mysql().database(), "plans_of_group_2"), SHANGHAI);
        PlanStore defaults = newStore();
        StoredPlan row = new StoredPlan("1001", new Plan(new Cycle.Daily(), LocalDate.parse("2017-06-01"), SettleRemind.daysBefore(1)), T0);

        custom.append(row);

        assertThat(custom.history("1001")).containsExactly(row);
        assertThat(custom.historiesWithReminders()).containsKey("1001");
        assertThat(defaults.history("1001")).isEmpty();
    }
}
