package io.settlekit.resilience.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.Settlekit;
import io.settlekit.access.Actor;
import io.settlekit.access.Permission;
import io.settlekit.mysql.MysqlDatabaseExtension;
import io.settlekit.mysql.billing.MysqlMerchantLedger;
import io.settlekit.mysql.billing.MysqlPlanStore;
import io.settlekit.mysql.billing.MysqlReminderLog;
import io.settlekit.resilience.faults.ReminderSendProcess.Step;
import io.settlekit.billing.Cycle;
import io.settlekit.billing.Plan;
import io.settlekit.billing.reminder.ReminderEntry;
import io.settlekit.billing.reminder.ReminderOutcome;
import io.settlekit.billing.reminder.ReminderRunReport;
import io.settlekit.billing.reminder.ReminderSettings;
import io.settlekit.billing.reminder.ReminderStatus;
import io.settlekit.billing.SettleRemind;
import io.settlekit.sms.TencentSmsNotifier;
import io.settlekit.sms.TencentSmsSettings;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.HttpProfile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 12, item 9: a node dies in the middle of a reminder send. A separate JVM
 * ({@link ReminderSendProcess}) runs the reminder job on MariaDB for three merchants and is killed with
 * SIGKILL ({@link Process#destroyForcibly()}) at one step of the second merchant's send: right after its
 * claim (the provider was never called), or right after the provider accepted the message (its outcome
 * never recorded). Its claim is left {@code CLAIMED}. Twenty minutes later (past the 15-minute claim lease)
 * the test JVM runs the job for the same day: the stale claim is checked through Tencent's status reports
 * ({@code SessionContext}) and settled, delivered → recorded sent without a second message, never sent →
 * sent once; the report counts it; every merchant has received exactly one message, counted on the provider.
 */
class ReminderProcessDeathIT {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate REMIND_DAY = LocalDate.parse("2017-10-08");
    private static final Instant DEAD_RUN_AT = Instant.parse("2017-10-08T01:00:00Z");
    private static final Instant NEXT_RUN_AT = DEAD_RUN_AT.plus(Duration.ofMinutes(20));

    @RegisterExtension
    static final MysqlDatabaseExtension DB = new MysqlDatabaseExtension("faults_crash", "/ddl/settlement-plans.sql",
            "/ddl/settlement-reminder-log.sql", "/ddl/settlement-ledger.sql");

    /** The notifier both JVMs send through: Tencent Cloud SMS at the fake provider, 2 s timeouts; no report = not delivered. */
    static TencentSmsNotifier sms(String endpoint, Clock clock) {
        HttpProfile http = new HttpProfile();
        http.setEndpoint(endpoint);
        http.setProtocol(HttpProfile.REQ_HTTP);
        return new TencentSmsNotifier(
                TencentSmsNotifier.newClient(new Credential("crash-test-id", "crash-test-key"), "ap-guangzhou", Duration.ofSeconds(2), http),
                new TencentSmsSettings("1400006666", "Settlekit", "449739", List.of("merchant", "period_begin", "period_end", "amount_due", "deadline")),
                clock, Duration.ZERO); // the fake provider reports at once: no report means not delivered
    }

    @Test
    @Timeout(120)
    void killedRightAfterTheClaimTheNextRunSendsTheMessageOnce() throws Exception {
        Survivors result = killAtAndRunAgain(Step.AFTER_CLAIM, "401");

        assertThat(result.deliveredBeforeKill()).as("the dead node never called the provider for the killed merchant").isZero();
        assertThat(result.report().sent()).as("the killed merchant's message and the third merchant's").isEqualTo(2);
        assertThat(result.report().confirmed()).isZero();
        assertThat(result.killedEntry().attempts()).as("resent once, after 'not delivered'").isEqualTo(2);
        FaultLog.record("i12-9a-reminder-killed-after-claim", result.line());
    }

    @Test
    @Timeout(120)
    void killedAfterTheProviderCallTheNextRunConfirmsItWithoutASecondMessage() throws Exception {
        Survivors result = killAtAndRunAgain(Step.AFTER_PROVIDER_CALL, "402");

        assertThat(result.deliveredBeforeKill()).as("the dead node's message reached the provider").isEqualTo(1);
        assertThat(result.report().sent()).as("the third merchant's only").isEqualTo(1);
        assertThat(result.report().confirmed()).isEqualTo(1);
        assertThat(result.killedEntry().attempts()).isEqualTo(1);
        FaultLog.record("i12-9b-reminder-killed-after-provider-call", result.line());
    }

    /** What the survivor saw after the kill. */
    private record Survivors(ReminderRunReport report, ReminderEntry killedEntry, int deliveredBeforeKill, String line) {
    }

    private Survivors killAtAndRunAgain(Step step, String prefix) throws Exception {
        List<String> merchants = List.of(prefix + "001", prefix + "002", prefix + "003");
        Map<String, String> phoneOf = merchants.stream().collect(Collectors.toMap(id -> id, id -> "+86139" + String.format("%08d", Integer.parseInt(id))));
        String killed = merchants.get(1);
        for (String table : List.of("tbl_user_pay_method", "settlekit_merchant", "settlekit_ledger_order", "settlekit_reminder_log")) {
            DB.run("DELETE FROM " + table);
        }
        Settlekit setup = Settlekit.embedded().planStore(new MysqlPlanStore(DB.dataSource(), SHANGHAI)).build();
        for (String id : merchants) {
            setup.billingPlans().save(Actor.user("u-crash", Permission.ADD_SETTLE_REMIND), id,
                    new Plan(new Cycle.Monthly(5, 10), LocalDate.parse("2017-09-01"), SettleRemind.daysBefore(2)));
            DB.run("INSERT INTO settlekit_merchant (merchant_id, name, fee_type, phone) VALUES ('" + id + "', 'merchant " + id + "', 'CNY', '"
                    + phoneOf.get(id) + "')");
            DB.run("INSERT INTO settlekit_ledger_order (merchant_id, order_id, order_date, fee_type, amount_fen, paid_fen, status)"
                    + " VALUES ('" + id + "', 'C" + id + "', '2017-09-06', 'CNY', 2750, 0, 10)");
        }
        try (FlakySmsProvider provider = new FlakySmsProvider(1_000)) {
            int exit = runAndKill(step, killed, provider.endpoint());
            int deliveredBeforeKill = provider.delivered(phoneOf.get(killed));
            ReminderEntry left = log().get(killed);
            assertThat(exit).as("killed by SIGKILL").isEqualTo(137);
            assertThat(left.status()).as("the dead node's claim").isEqualTo(ReminderStatus.CLAIMED);
            assertThat(log().get(merchants.get(0)).status()).isEqualTo(ReminderStatus.SENT);
            assertThat(log()).doesNotContainKey(merchants.get(2));

            Clock later = Clock.fixed(NEXT_RUN_AT, SHANGHAI);
            Settlekit survivor = Settlekit.embedded()
                    .clock(later)
                    .zone(SHANGHAI)
                    .planStore(new MysqlPlanStore(DB.dataSource(), SHANGHAI))
                    .merchantLedger(new MysqlMerchantLedger(DB.dataSource()))
                    .reminderLog(new MysqlReminderLog(DB.dataSource()))
                    .reminderNotifier(sms(provider.endpoint(), later))
                    .reminderSettings(ReminderSettings.defaults().withClaimLease(Duration.ofMinutes(15)))
                    .build();
            ReminderRunReport report = survivor.reminderJob().run(REMIND_DAY);
            ReminderRunReport rerun = survivor.reminderJob().run(REMIND_DAY);

            Map<String, ReminderEntry> log = log();
            assertThat(log.values()).as("every reminder recorded as sent").hasSize(3)
                    .allSatisfy(entry -> assertThat(entry.status()).isEqualTo(ReminderStatus.SENT));
            for (String id : merchants) {
                assertThat(provider.delivered(phoneOf.get(id))).as("messages delivered to merchant %s", id).isEqualTo(1);
            }
            assertThat(report.skipped()).as("the first merchant, sent by the dead node").isEqualTo(1);
            assertThat(report.staleClaims()).isEqualTo(1);
            assertThat(report.outcomes()).filteredOn(ReminderOutcome::staleClaim).extracting(o -> o.key().merchantId()).containsExactly(killed);
            assertThat(report.failed() + report.unconfirmed()).isZero();
            assertThat(rerun.sent() + rerun.confirmed() + rerun.staleClaims()).as("a rerun sends nothing").isZero();
            int requests = merchants.stream().mapToInt(id -> provider.requests(phoneOf.get(id))).sum();
            String line = "reminder job in a second JVM on MariaDB, 3 merchants, killed with SIGKILL (exit " + exit + ") " + step
                    + " of the 2nd (claim left CLAIMED, " + deliveredBeforeKill + " message delivered before the kill); a run in the test JVM "
                    + Duration.between(DEAD_RUN_AT, NEXT_RUN_AT).toMinutes() + " min later (claim lease 15 min): stale claims " + report.staleClaims()
                    + ", sent " + report.sent() + ", confirmed " + report.confirmed() + ", skipped " + report.skipped() + ", "
                    + provider.statusQueries() + " status query; " + requests + " SendSms requests, exactly 1 message delivered per merchant"
                    + " (counted on the provider); a rerun sent 0.";
            return new Survivors(report, log.get(killed), deliveredBeforeKill, line);
        }
    }

    /** Starts {@link ReminderSendProcess}, waits for it to stop at the step, kills it with SIGKILL; returns its exit code. */
    private static int runAndKill(Step step, String merchant, String endpoint) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), ReminderSendProcess.class.getName(),
                DB.mysql().jdbcUrl(), DB.mysql().user(), DB.mysql().password(), endpoint, step.name(), merchant, DEAD_RUN_AT.toString())
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                if (line.equals("PAUSED " + step + " " + merchant)) {
                    process.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
                    break;
                }
            }
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the process ended").isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(output).as("the process stopped at %s of merchant %s:%n%s", step, merchant, String.join("\n", output))
                .contains("PAUSED " + step + " " + merchant);
        return process.exitValue();
    }

    private static Map<String, ReminderEntry> log() {
        return new MysqlReminderLog(DB.dataSource()).entriesBetween(REMIND_DAY, REMIND_DAY).stream()
                .collect(Collectors.toMap(entry -> entry.key().merchantId(), Function.identity()));
    }
}
