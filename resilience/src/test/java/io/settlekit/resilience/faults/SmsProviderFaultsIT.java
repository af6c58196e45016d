package io.settlekit.resilience.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.Settlekit;
import io.settlekit.access.Actor;
import io.settlekit.access.Permission;
import io.settlekit.job.JobResult;
import io.settlekit.job.RunMode;
import io.settlekit.mysql.MysqlDatabaseExtension;
import io.settlekit.mysql.job.MysqlJobLedger;
import io.settlekit.mysql.job.MysqlJobLocks;
import io.settlekit.mysql.billing.MysqlMerchantLedger;
import io.settlekit.mysql.billing.MysqlPlanStore;
import io.settlekit.mysql.billing.MysqlReminderLog;
import io.settlekit.resilience.faults.FlakySmsProvider.Behaviour;
import io.settlekit.billing.Cycle;
import io.settlekit.billing.Plan;
import io.settlekit.billing.reminder.ReminderEntry;
import io.settlekit.billing.reminder.ReminderRunReport;
import io.settlekit.billing.reminder.ReminderStatus;
import io.settlekit.billing.SettleRemind;
import io.settlekit.sms.TencentSmsNotifier;
import io.settlekit.sms.TencentSmsSettings;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.HttpProfile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scenario 4: the SMS provider refuses some merchants' numbers and does not answer for others. Ten merchants
 * are due a reminder on 2017-10-08 (monthly 5/10, two days before); the reminder job runs through the job
 * runner on MariaDB (plans, ledger, reminder log, locks, job ledger) and sends through
 * {@link TencentSmsNotifier} (1 s timeouts) to {@link FlakySmsProvider}. Of the two unanswered sends, one was
 * in fact delivered (the answer was lost) and one was dropped. Each refusal is recorded FAILED and each
 * unanswered send UNKNOWN per merchant in the reminder log with its reason, the date stays open; the next
 * run checks the unknown ones through {@code PullSmsSendStatusByPhoneNumber} (matching the send's
 * {@code SessionContext}): the delivered one is recorded sent without a second message, the dropped one is
 * retried; refusals are retried (the same day, and the next day from the log); every merchant receives
 * exactly one message in all, counted on the provider's side.
 */
class SmsProviderFaultsIT {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2017-10-08T01:00:00Z"), SHANGHAI);
    private static final LocalDate REMIND_DAY = LocalDate.parse("2017-10-08");
    private static final int MERCHANTS = 10;

    @RegisterExtension
    static final MysqlDatabaseExtension DB = new MysqlDatabaseExtension("faults_sms", "/ddl/settlement-plans.sql",
            "/ddl/settlement-reminder-log.sql", "/ddl/settlement-ledger.sql", "/io/settlekit/mysql/job/job-tables.sql");

    @Test
    @Timeout(90)
    void failedSendsAreLoggedWithTheirReasonRetriedLaterAndNoMerchantGetsTwoMessages() throws Exception {
        List<String> merchants = new ArrayList<>();
        Map<String, String> phoneOf = new java.util.HashMap<>();
        for (int i = 1; i <= MERCHANTS; i++) {
            String id = String.valueOf(300_000 + i);
            merchants.add(id);
            phoneOf.put(id, "+86139" + String.format("%08d", 7_000_000 + i)); // synthetic numbers
        }
        try (FlakySmsProvider provider = new FlakySmsProvider(2_500)) {
            Settlekit kit = kit(provider);
            Actor manager = Actor.user("u-faults", Permission.ADD_SETTLE_REMIND);
            for (String id : merchants) {
                kit.billingPlans().save(manager, id, new Plan(new Cycle.Monthly(5, 10), LocalDate.parse("2017-09-01"), SettleRemind.daysBefore(2)));
                DB.run("INSERT INTO settlekit_merchant (merchant_id, name, fee_type, phone) VALUES ('" + id + "', 'merchant " + id + "', 'CNY', '"
                        + phoneOf.get(id) + "')");
                DB.run("INSERT INTO settlekit_ledger_order (merchant_id, order_id, order_date, fee_type, amount_fen, paid_fen, status)"
                        + " VALUES ('" + id + "', 'B" + id + "', '2017-09-06', 'CNY', 2750, 0, 10)");
            }
            // merchants 7 and 8: refused; 9: delivered but the answer is lost; 10: no answer in time, not delivered
            String refusedOnce = merchants.get(6);
            String refusedTwice = merchants.get(7);
            String deliveredUnanswered = merchants.get(8);
            String droppedUnanswered = merchants.get(9);
            provider.answer(phoneOf.get(refusedOnce), Behaviour.REFUSE);
            provider.answer(phoneOf.get(refusedTwice), Behaviour.REFUSE);
            provider.answer(phoneOf.get(deliveredUnanswered), Behaviour.DELIVER_NO_ANSWER);
            provider.answer(phoneOf.get(droppedUnanswered), Behaviour.NO_ANSWER);

            long start = System.nanoTime();
            JobResult<ReminderRunReport> first = kit.jobRunner().run(kit.reminderJob(), REMIND_DAY, RunMode.ONCE_PER_DATE);
            long firstMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(first.status()).as("failed and unknown sends leave the date open").isEqualTo(JobResult.Status.RAN_UNFINISHED);
            ReminderRunReport one = first.result().orElseThrow();
            assertThat(one.sent()).isEqualTo(6);
            assertThat(one.failed()).isEqualTo(2);
            assertThat(one.unconfirmed()).isEqualTo(2);
            Map<String, ReminderEntry> log = log(REMIND_DAY);
            assertThat(log).hasSize(MERCHANTS);
            for (String id : List.of(refusedOnce, refusedTwice)) {
                assertThat(log.get(id).status()).isEqualTo(ReminderStatus.FAILED);
                assertThat(log.get(id).detail().orElseThrow()).contains("provider_error").contains(FlakySmsProvider.REFUSAL_CODE);
            }
            for (String id : merchants.subList(8, 10)) {
                assertThat(log.get(id).status()).isEqualTo(ReminderStatus.UNKNOWN);
                assertThat(log.get(id).detail().orElseThrow()).contains("infrastructure").contains("did not answer").contains("outcome unknown");
            }
            assertThat(provider.delivered(phoneOf.get(deliveredUnanswered))).as("delivered although unanswered").isEqualTo(1);
            assertThat(provider.delivered(phoneOf.get(droppedUnanswered))).isZero();
            String refusalReason = log.get(refusedOnce).detail().orElseThrow();
            String timeoutReason = log.get(merchants.get(8)).detail().orElseThrow();
            log.values().forEach(entry -> assertThat(entry.detail().orElse("")).as("no phone number in the log")
                    .doesNotContain(phoneOf.get(entry.key().merchantId()).substring(3)));

            // the provider recovers, except for one number still refused: a rerun the same day checks the two unknown
            // sends (the delivered one is confirmed, no new message; the dropped one is retried) and retries the refusals
            provider.deliverAll();
            provider.answer(phoneOf.get(refusedTwice), Behaviour.REFUSE);
            JobResult<ReminderRunReport> second = kit.jobRunner().run(kit.reminderJob(), REMIND_DAY, RunMode.ONCE_PER_DATE);

            assertThat(second.status()).isEqualTo(JobResult.Status.RAN_UNFINISHED);
            ReminderRunReport two = second.result().orElseThrow();
            assertThat(two.sent()).as("the dropped one and one refusal").isEqualTo(2);
            assertThat(two.confirmed()).as("the delivered one").isEqualTo(1);
            assertThat(two.unconfirmed()).isZero();
            assertThat(two.skipped()).isEqualTo(6);
            assertThat(two.failed()).isEqualTo(1);
            assertThat(provider.statusQueries()).isEqualTo(2);
            Map<String, ReminderEntry> afterCheck = log(REMIND_DAY);
            assertThat(afterCheck.get(deliveredUnanswered).status()).isEqualTo(ReminderStatus.SENT);
            assertThat(afterCheck.get(deliveredUnanswered).detail().orElseThrow()).startsWith("2645:");
            assertThat(afterCheck.get(deliveredUnanswered).attempts()).isEqualTo(1);
            assertThat(afterCheck.get(droppedUnanswered).status()).isEqualTo(ReminderStatus.SENT);
            assertThat(afterCheck.get(droppedUnanswered).attempts()).isEqualTo(2);

            // the next day's run retries the last failure from the log; then nothing is left
            provider.deliverAll();
            JobResult<ReminderRunReport> nextDay = kit.jobRunner().run(kit.reminderJob(), REMIND_DAY.plusDays(1), RunMode.ONCE_PER_DATE);
            JobResult<ReminderRunReport> again = kit.jobRunner().run(kit.reminderJob(), REMIND_DAY, RunMode.FORCE);

            assertThat(nextDay.status()).isEqualTo(JobResult.Status.RAN);
            assertThat(nextDay.result().orElseThrow().sent()).isEqualTo(1);
            assertThat(again.result().orElseThrow().sent()).isZero();
            assertThat(again.result().orElseThrow().confirmed()).isZero();
            assertThat(provider.statusQueries()).as("settled sends are not checked again").isEqualTo(2);
            Map<String, ReminderEntry> finalLog = log(REMIND_DAY);
            assertThat(finalLog.values()).allSatisfy(entry -> assertThat(entry.status()).isEqualTo(ReminderStatus.SENT));
            assertThat(finalLog.get(refusedTwice).attempts()).isEqualTo(3);
            assertThat(finalLog.get(refusedOnce).attempts()).isEqualTo(2);
            assertThat(finalLog.get(merchants.get(0)).attempts()).isEqualTo(1);
            for (String id : merchants) {
                assertThat(provider.delivered(phoneOf.get(id))).as("messages delivered to merchant %s", id).isEqualTo(1);
            }
            int requests = merchants.stream().mapToInt(id -> provider.requests(phoneOf.get(id))).sum();
            FaultLog.record("4-sms-provider-faults", MERCHANTS + " merchants due; provider refused 2 (" + FlakySmsProvider.REFUSAL_CODE
                    + ") and left 2 unanswered (1 s client timeout; one of them was in fact delivered): run 1 took " + firstMillis
                    + " ms, sent " + one.sent() + ", failed " + one.failed() + ", unconfirmed " + one.unconfirmed() + " (RAN_UNFINISHED),"
                    + " log reasons e.g. '" + shorten(refusalReason) + "' / '" + shorten(timeoutReason) + "'; same-day rerun ("
                    + provider.statusQueries() + " status queries) confirmed " + two.confirmed() + " (no new message), sent " + two.sent()
                    + " (the dropped one, attempt 2, and a refusal), skipped " + two.skipped() + ", failed " + two.failed()
                    + " (still refused); next-day run sent the last one (attempt 3); " + requests + " SendSms requests in all, exactly 1"
                    + " message delivered per merchant (counted on the provider).");
        }
    }

    private static Settlekit kit(FlakySmsProvider provider) {
        HttpProfile http = new HttpProfile();
        http.setEndpoint(provider.endpoint());
        http.setProtocol(HttpProfile.REQ_HTTP);
        TencentSmsNotifier sms = new TencentSmsNotifier(
                TencentSmsNotifier.newClient(new Credential("faults-test-id", "faults-test-key"), "ap-guangzhou", Duration.ofSeconds(1), http),
                new TencentSmsSettings("1400006666", "Settlekit", "449739", List.of("merchant", "period_begin", "period_end", "amount_due", "deadline")),
                CLOCK, Duration.ZERO); // no status report at the next run: not delivered (the provider reports at once)
        return Settlekit.embedded()
                .clock(CLOCK)
                .zone(SHANGHAI)
                .planStore(new MysqlPlanStore(DB.dataSource(), SHANGHAI))
                .merchantLedger(new MysqlMerchantLedger(DB.dataSource()))
                .reminderLog(new MysqlReminderLog(DB.dataSource()))
                .reminderNotifier(sms)
                .jobLocks(new MysqlJobLocks(DB.dataSource()))
                .jobLedger(new MysqlJobLedger(DB.dataSource()))
                .build();
    }

    private static Map<String, ReminderEntry> log(LocalDate day) {
        return new MysqlReminderLog(DB.dataSource()).entriesBetween(day, day).stream()
                .collect(Collectors.toMap(entry -> entry.key().merchantId(), Function.identity()));
    }

    private static String shorten(String reason) {
        return reason.length() <= 90 ? reason : reason.substring(0, 90) + "…";
    }
}
