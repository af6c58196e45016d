package io.settlekit.examples;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.sms.v20210111.SmsClient;
import io.settlekit.Settlekit;
import io.settlekit.access.Actor;
import io.settlekit.access.Permission;
import io.settlekit.mysql.job.MysqlJobLocks;
import io.settlekit.mysql.billing.MysqlMerchantLedger;
import io.settlekit.mysql.billing.MysqlPlanStore;
import io.settlekit.mysql.billing.MysqlReminderLog;
import io.settlekit.billing.Bill;
import io.settlekit.billing.Cycle;
import io.settlekit.billing.Plan;
import io.settlekit.billing.reminder.ReminderRunReport;
import io.settlekit.billing.SettleRemind;
import io.settlekit.billing.reminder.ReminderNotifier;
import io.settlekit.sms.TencentSmsNotifier;
import io.settlekit.sms.TencentSmsSettings;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * How a host wires merchant settlement to its MySQL tables and Tencent Cloud SMS. The README quotes the
 * marked parts verbatim (a test checks it), and an integration test runs {@link #settleAndRemind} against
 * the local MariaDB.
 */
public final class BillingWiring {
    private BillingWiring() {
    }

    /** The bill and the reminder run of the README's worked example. */
    public record Result(Bill bill, ReminderRunReport run) {
    }

    /** A Tencent Cloud SMS notifier as a host builds one (credentials come from the host's secret store). */
    public static ReminderNotifier tencentSms(String secretId, String secretKey) {
        // snippet:tencent-sms
        SmsClient client = TencentSmsNotifier.newClient(new Credential(secretId, secretKey), "ap-guangzhou", Duration.ofSeconds(5));
        ReminderNotifier sms = new TencentSmsNotifier(client, new TencentSmsSettings("1400006666", "观麦科技", "449739",
                List.of("merchant", "period_begin", "period_end", "amount_due", "deadline")));   // the template's {1}…{5}
        // end-snippet
        return sms;
    }

    /** Saves a plan, reads merchant 1001's bill and runs the reminder job for 2017-10-08. */
    public static Result settleAndRemind(DataSource dataSource, ReminderNotifier notifier) {
        // snippet:settlement-wiring
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Settlekit kit = Settlekit.builder()
                .zone(zone)
                .planStore(new MysqlPlanStore(dataSource, zone))        // tbl_user_pay_method
                .merchantLedger(new MysqlMerchantLedger(dataSource))    // settlekit_merchant, settlekit_ledger_order
                .reminderLog(new MysqlReminderLog(dataSource))          // settlekit_reminder_log
                .reminderNotifier(notifier)                             // e.g. a TencentSmsNotifier
                .jobLocks(new MysqlJobLocks(dataSource))                // one reminder run at a time across instances
                .build();

        Actor manager = Actor.user("u-1001", Permission.ADD_SETTLE_REMIND);
        kit.billingPlans().save(manager, "1001",
                new Plan(new Cycle.Monthly(5, 10), LocalDate.parse("2017-09-01"), SettleRemind.daysBefore(2)));

        LocalDate day = LocalDate.parse("2017-10-08");
        Bill bill = kit.bills().bill("1001", day).orElseThrow();   // period 09-05..10-04, settle 10-10
        ReminderRunReport run = kit.reminderJob().run(day);        // 10-08 is 2 days before: claims, then sends, once
        // end-snippet
        return new Result(bill, run);
    }
}
