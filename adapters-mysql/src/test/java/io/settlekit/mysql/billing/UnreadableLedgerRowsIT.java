package io.settlekit.mysql.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.Settlekit;
import io.settlekit.mysql.MysqlDatabaseExtension;
import io.settlekit.billing.Bill;
import io.settlekit.billing.Cycle;
import io.settlekit.billing.LedgerOrder;
import io.settlekit.billing.LedgerRows;
import io.settlekit.billing.MerchantAccount;
import io.settlekit.billing.Plan;
import io.settlekit.billing.reminder.ReminderOutcome;
import io.settlekit.billing.reminder.ReminderRunReport;
import io.settlekit.billing.SettleRemind;
import io.settlekit.billing.StoredPlan;
import io.settlekit.billing.UnreadableLedgerException;
import io.settlekit.billing.reminder.memory.InMemoryReminderNotifier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A bad row in the host's ledger (an over-long phone column holding several numbers, an unknown fee
 * type, a negative order amount) fails its own merchant, named, and never the batch; the phone numbers
 * in it never reach an exception message. Before: the first bad row threw out of the whole read, so no
 * merchant of the batch (up to 5,000) got a bill or a reminder, and the message quoted every number.
 */
class UnreadableLedgerRowsIT {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate REMIND_DAY = LocalDate.parse("2017-10-08"); // monthly 5/10, 2 days before 10-10
    private static final String MANY_PHONES = "+8613800138000,+8613900139000,+8613700137000"; // 44 characters

    @RegisterExtension
    static final MysqlDatabaseExtension DB = new MysqlDatabaseExtension("unreadable",
            "/ddl/settlement-plans.sql", "/ddl/settlement-reminder-log.sql", "/ddl/settlement-ledger.sql",
            "/io/settlekit/mysql/job/job-tables.sql");

    @BeforeEach
    void rows() {
        DB.run("DELETE FROM tbl_user_pay_method");
        DB.run("DELETE FROM settlekit_reminder_log");
        DB.run("DELETE FROM settlekit_merchant");
        DB.run("DELETE FROM settlekit_ledger_order");
        // a host's view may well have a wider phone column than the sample table
        DB.run("ALTER TABLE settlekit_merchant MODIFY phone varchar(255) NULL");
        List<String> merchants = List.of("2001", "2002", "2003", "2004", "2005");
        List<StoredPlan> plans = new ArrayList<>();
        for (String merchant : merchants) {
            plans.add(new StoredPlan(merchant, new Plan(new Cycle.Monthly(5, 10), LocalDate.parse("2017-01-01"),
                    SettleRemind.daysBefore(2)), Instant.parse("2017-01-01T00:00:00Z")));
        }
        BillingRows.insertPlans(DB, plans, SHANGHAI);
        BillingRows.insertLedger(DB, List.of(
                new MerchantAccount("2001", "好商户", "CNY", java.util.Optional.of("+8613600136000")),
                new MerchantAccount("2004", "坏订单", "CNY", java.util.Optional.of("+8613500135000")),
                new MerchantAccount("2005", "好商户二", "CNY", java.util.Optional.of("+8613400134000"))),
                Map.of("2001", List.of(LedgerOrder.of("G1", LocalDate.parse("2017-09-06"), "CNY", 2_750, 0, 10)),
                        "2004", List.of(LedgerOrder.of("O1", LocalDate.parse("2017-09-06"), "CNY", 1_000, 0, 10)),
                        "2005", List.of(LedgerOrder.of("H1", LocalDate.parse("2017-09-07"), "CNY", 500, 0, 10))));
        DB.run("INSERT INTO settlekit_merchant VALUES ('2002', '多号码', 'CNY', '" + MANY_PHONES + "')");
        DB.run("INSERT INTO settlekit_merchant VALUES ('2003', '坏币种', 'C$1', NULL)");
        DB.run("INSERT INTO settlekit_ledger_order VALUES ('2004', 'O2', '2017-09-08', 'CNY', -300, 0, 10)");
    }

    @Test
    void aBadAccountRowFailsItsMerchantAloneAndNeverShowsThePhoneNumbers() {
        LedgerRows<MerchantAccount> rows = new MysqlMerchantLedger(DB.dataSource())
                .accounts(List.of("2001", "2002", "2003", "2004", "2005", "unknown"));

        assertThat(rows.found()).containsOnlyKeys("2001", "2004", "2005");
        assertThat(rows.unreadable()).containsOnlyKeys("2002", "2003");
        assertThat(rows.unreadable().get("2002")).contains("phone").doesNotContain("138").doesNotContain("139");
        assertThat(rows.unreadable().get("2003")).contains("fee_type").contains("C$1");
    }

    @Test
    void aBadOrderRowMakesItsMerchantsOrdersUnreadableNotThoseOfOthers() {
        LedgerRows<List<LedgerOrder>> rows = new MysqlMerchantLedger(DB.dataSource())
                .openOrders(List.of("2001", "2004", "2005"), LocalDate.parse("2017-09-05"));

        assertThat(rows.found()).containsOnlyKeys("2001", "2005");
        assertThat(rows.unreadable()).containsOnlyKeys("2004");
        assertThat(rows.unreadable().get("2004")).contains("O2").contains("-300");
    }

    @Test
    void theScanAboveTheInListLimitIsolatesBadRowsTheSameWay() {
        List<String> ids = new ArrayList<>(IntStream.range(0, InLists.CHUNK + 1).mapToObj(i -> "x" + i).toList());
        ids.addAll(List.of("2001", "2002", "2004"));
        MysqlMerchantLedger ledger = new MysqlMerchantLedger(DB.dataSource());

        LedgerRows<MerchantAccount> accounts = ledger.accounts(ids);
        LedgerRows<List<LedgerOrder>> orders = ledger.openOrders(ids, LocalDate.parse("2017-09-05"));

        assertThat(accounts.found()).containsOnlyKeys("2001", "2004");
        assertThat(accounts.unreadable()).containsOnlyKeys("2002");
        assertThat(orders.found()).containsOnlyKeys("2001");
        assertThat(orders.unreadable()).containsOnlyKeys("2004");
    }

    @Test
    void billsAreComputedForTheReadableMerchantsAndABadMerchantAskedAloneIsNamed() {
        Settlekit kit = kit(new InMemoryReminderNotifier());

        Map<String, Bill> bills = kit.bills().bills(List.of("2001", "2002", "2003", "2004", "2005"), REMIND_DAY);

        assertThat(bills).containsOnlyKeys("2001", "2005");
        assertThat(bills.get("2001").due().fen()).isEqualTo(2_750);
        assertThatThrownBy(() -> kit.bills().bill("2002", REMIND_DAY))
                .isInstanceOf(UnreadableLedgerException.class)
                .hasMessageContaining("merchant_id = '2002'").hasMessageContaining("phone")
                .hasMessageNotContaining("13800138000");
        assertThatThrownBy(() -> kit.bills().unpaidList("2004", REMIND_DAY))
                .isInstanceOf(UnreadableLedgerException.class).hasMessageContaining("2004").hasMessageContaining("O2");
        assertThat(kit.bills().bill("2001", REMIND_DAY)).isPresent();
    }

    @Test
    void theReminderRunSendsToTheReadableMerchantsAndReportsTheOthersFailedWithoutClaiming() {
        InMemoryReminderNotifier notifier = new InMemoryReminderNotifier();
        Settlekit kit = kit(notifier);

        ReminderRunReport report = kit.reminderJob().run(REMIND_DAY);

        assertThat(notifier.sent()).extracting(message -> message.key().merchantId()).containsExactlyInAnyOrder("2001", "2005");
        assertThat(report.sent()).isEqualTo(2);
        assertThat(report.failed()).isEqualTo(3);
        assertThat(report.outcomes()).filteredOn(o -> o.result() == ReminderOutcome.Result.FAILED)
                .extracting(o -> o.key().merchantId()).containsExactlyInAnyOrder("2002", "2003", "2004");
        assertThat(report.outcomes()).allSatisfy(o -> assertThat(o.detail()).doesNotContain("13800138000"));
        assertThat(DB.rows("SELECT merchant_id FROM settlekit_reminder_log WHERE merchant_id IN ('2002','2003','2004')"))
                .as("no claim is left for the unreadable merchants: the next run tries them again").isEmpty();
    }

    private static Settlekit kit(InMemoryReminderNotifier notifier) {
        return Settlekit.embedded()
                .clock(Clock.fixed(Instant.parse("2017-10-08T01:00:00Z"), SHANGHAI))
                .zone(SHANGHAI)
                .planStore(new MysqlPlanStore(DB.dataSource(), SHANGHAI))
                .merchantLedger(new MysqlMerchantLedger(DB.dataSource()))
                .reminderLog(new MysqlReminderLog(DB.dataSource()))
                .reminderNotifier(notifier)
                .build();
    }
}
