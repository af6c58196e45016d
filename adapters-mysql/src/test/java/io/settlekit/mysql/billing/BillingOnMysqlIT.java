package io.settlekit.mysql.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.settlekit.Settlekit;
import io.settlekit.job.JobResult;
import io.settlekit.job.RunMode;
import io.settlekit.mysql.job.MysqlJobLedger;
import io.settlekit.mysql.job.MysqlJobLocks;
import io.settlekit.mysql.MysqlDatabaseExtension;
import io.settlekit.billing.Bill;
import io.settlekit.billing.Cycle;
import io.settlekit.billing.LedgerOrder;
import io.settlekit.billing.MerchantAccount;
import io.settlekit.billing.Plan;
import io.settlekit.billing.reminder.ReminderKey;
import io.settlekit.billing.reminder.ReminderRunReport;
import io.settlekit.billing.reminder.ReminderSettings;
import io.settlekit.billing.reminder.ReminderStatus;
import io.settlekit.billing.SettleRemind;
import io.settlekit.billing.StoredPlan;
import io.settlekit.billing.reminder.memory.InMemoryReminderNotifier;
import io.settlekit.billing.reminder.ReminderNotifier;
import io.settlekit.testkit.Concurrently;
import io.settlekit.testkit.jdbc.CountingDataSource;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settlement use cases end to end on MariaDB: the reminder job is duplicate-free under a rerun and
 * under two concurrent runs (two "nodes" with their own pools), failed sends are retried, and bills and
 * reminders for the seed's 12,000 merchants take a handful of queries.
 */
class BillingOnMysqlIT {
    private static final Logger LOG = LoggerFactory.getLogger(BillingOnMysqlIT.class);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate REMIND_DAY = LocalDate.parse("2017-10-08"); // monthly 5/10, 2 days before 10-10
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2017-10-08T01:00:00Z"), SHANGHAI);

    @RegisterExtension
    static final MysqlDatabaseExtension DB = new MysqlDatabaseExtension("settlement",
            "/ddl/settlement-plans.sql", "/ddl/settlement-reminder-log.sql", "/ddl/settlement-ledger.sql",
            "/io/settlekit/mysql/job/job-tables.sql");

    @BeforeEach
    void emptyTables() {
        DB.run("DELETE FROM tbl_user_pay_method");
        DB.run("DELETE FROM settlekit_reminder_log");
        DB.run("DELETE FROM settlekit_merchant");
        DB.run("DELETE FROM settlekit_ledger_order");
    }

    /** {@code count} merchants 100000.. on monthly 5/10 with a 2-day reminder, each owing September orders. */
    private static List<String> merchants(int count) {
        List<StoredPlan> plans = new ArrayList<>();
        List<MerchantAccount> accounts = new ArrayList<>();
        Map<String, List<LedgerOrder>> orders = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = String.valueOf(100_000 + i);
            ids.add(id);
            plans.add(new StoredPlan(id, new Plan(new Cycle.Monthly(5, 10), LocalDate.parse("2017-01-01"), SettleRemind.daysBefore(2)),
                    Instant.parse("2017-01-01T00:00:00Z")));
            accounts.add(new MerchantAccount(id, "商户" + i, "CNY", Optional.of("+86139" + String.format("%08d", i))));
            orders.put(id, List.of(
                    LedgerOrder.of("A" + i, LocalDate.parse("2017-08-20"), "CNY", 1_000, 900, 10),   // history: 100 unpaid
                    LedgerOrder.of("B" + i, LocalDate.parse("2017-09-06"), "CNY", 2_750, 0, 10),
                    LedgerOrder.of("C" + i, LocalDate.parse("2017-10-06"), "CNY", 500, 0, 10)));     // next period
        }
        BillingRows.insertPlans(DB, plans, SHANGHAI);
        BillingRows.insertLedger(DB, accounts, orders);
        return ids;
    }

    private static Settlekit kit(DataSource dataSource, ReminderNotifier notifier) {
        return Settlekit.embedded()
                .clock(CLOCK)
                .zone(SHANGHAI)
                .planStore(new MysqlPlanStore(dataSource, SHANGHAI))
                .merchantLedger(new MysqlMerchantLedger(dataSource))
                .reminderLog(new MysqlReminderLog(dataSource))
                .reminderNotifier(notifier)
                .build();
    }

    @Test
    void aRerunOfTheReminderJobSendsNothingTwice() {
        merchants(50);
        InMemoryReminderNotifier notifier = new InMemoryReminderNotifier();
        Settlekit kit = kit(DB.dataSource(), notifier);

        ReminderRunReport first = kit.reminderJob().run(REMIND_DAY);
        ReminderRunReport rerun = kit.reminderJob().run(REMIND_DAY);

        assertThat(first.due()).isEqualTo(50);
        assertThat(first.sent()).isEqualTo(50);
        assertThat(first.estimatedCost()).isEqualByComparingTo("2.250");
        assertThat(rerun.sent()).isZero();
        assertThat(rerun.skipped()).isEqualTo(50);
        assertThat(notifier.sent()).hasSize(50);
        assertThat(notifier.sent().get(0).amountDue().fen()).isEqualTo(2_750 + 100);
        assertThat(new MysqlReminderLog(DB.dataSource()).entriesBetween(REMIND_DAY, REMIND_DAY))
                .hasSize(50).allSatisfy(entry -> assertThat(entry.status()).isEqualTo(ReminderStatus.SENT));
    }

    @Test
    void twoConcurrentRunsOnTwoNodesNeverSendAMerchantTwice() throws Exception {
        int count = 2_000;
        merchants(count);
        Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
        ReminderNotifier channel = message -> {
            sends.computeIfAbsent(message.key().merchantId(), m -> new AtomicInteger()).incrementAndGet();
            return "sms-" + message.key().merchantId();
        };
        try (HikariDataSource nodeA = DB.newPool(); HikariDataSource nodeB = DB.newPool()) {
            Settlekit kitA = kit(nodeA, channel);
            Settlekit kitB = kit(nodeB, channel);

            List<ReminderRunReport> runs = Concurrently.call(List.of(
                    () -> kitA.reminderJob().run(REMIND_DAY), () -> kitB.reminderJob().run(REMIND_DAY)));

            ReminderRunReport a = runs.get(0);
            ReminderRunReport b = runs.get(1);
            LOG.info("concurrent runs: node A {}, node B {}", a, b);
            assertThat(a.due()).isEqualTo(count);
            assertThat(b.due()).isEqualTo(count);
            assertThat(a.sent() + b.sent()).isEqualTo(count);
            assertThat(a.skipped() + b.skipped()).isEqualTo(count);
            assertThat(a.failed() + b.failed()).isZero();
            assertThat(sends).hasSize(count).allSatisfy((merchant, sent) -> assertThat(sent.get()).as(merchant).isEqualTo(1));
        }
    }

    @Test
    void throughTheJobRunnerWithMysqlLocksOnlyOneNodeRunsTheDay() throws Exception {
        int count = 500;
        merchants(count);
        DB.run("DELETE FROM shedlock");
        DB.run("DELETE FROM settlekit_job_run");
        Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
        ReminderNotifier channel = message -> {
            sends.computeIfAbsent(message.key().merchantId(), m -> new AtomicInteger()).incrementAndGet();
            return "sms-" + message.key().merchantId();
        };
        try (HikariDataSource nodeA = DB.newPool(); HikariDataSource nodeB = DB.newPool()) {
            Settlekit kitA = clusteredKit(nodeA, channel);
            Settlekit kitB = clusteredKit(nodeB, channel);

            List<JobResult<ReminderRunReport>> runs = Concurrently.call(List.of(
                    () -> kitA.jobRunner().run(kitA.reminderJob(), REMIND_DAY, RunMode.ONCE_PER_DATE),
                    () -> kitB.jobRunner().run(kitB.reminderJob(), REMIND_DAY, RunMode.ONCE_PER_DATE)));
            JobResult<ReminderRunReport> later = kitB.jobRunner().run(kitB.reminderJob(), REMIND_DAY, RunMode.ONCE_PER_DATE);

            assertThat(runs).extracting(JobResult::status).containsOnlyOnce(JobResult.Status.RAN)
                    .containsAnyOf(JobResult.Status.BUSY, JobResult.Status.ALREADY_DONE);
            assertThat(later.status()).isEqualTo(JobResult.Status.ALREADY_DONE);
            assertThat(sends).hasSize(count).allSatisfy((merchant, sent) -> assertThat(sent.get()).as(merchant).isEqualTo(1));
        }
    }

    private static Settlekit clusteredKit(DataSource dataSource, ReminderNotifier notifier) {
        return Settlekit.embedded()
                .clock(CLOCK)
                .zone(SHANGHAI)
                .planStore(new MysqlPlanStore(dataSource, SHANGHAI))
                .merchantLedger(new MysqlMerchantLedger(dataSource))
                .reminderLog(new MysqlReminderLog(dataSource))
                .reminderNotifier(notifier)
                .jobLocks(new MysqlJobLocks(dataSource))
                .jobLedger(new MysqlJobLedger(dataSource))
                .build();
    }

    @Test
    void aFailedSendIsRecordedAndRetriedByTheNextRun() {
        List<String> ids = merchants(3);
        InMemoryReminderNotifier notifier = new InMemoryReminderNotifier();
        notifier.failFor(ids.get(1));
        Settlekit kit = kit(DB.dataSource(), notifier);
        ReminderKey failing = new ReminderKey(ids.get(1), LocalDate.parse("2017-09-05"), REMIND_DAY);

        ReminderRunReport first = kit.reminderJob().run(REMIND_DAY);
        MysqlReminderLog log = new MysqlReminderLog(DB.dataSource());

        assertThat(first.sent()).isEqualTo(2);
        assertThat(first.failed()).isEqualTo(1);
        assertThat(log.find(failing).orElseThrow().status()).isEqualTo(ReminderStatus.FAILED);
        assertThat(log.find(failing).orElseThrow().detail().orElseThrow()).contains("Simulated.Failure");

        notifier.recover();
        ReminderRunReport nextDay = kit.reminderJob().run(REMIND_DAY.plusDays(1));

        assertThat(nextDay.sent()).isEqualTo(1);
        assertThat(log.find(failing).orElseThrow().status()).isEqualTo(ReminderStatus.SENT);
        assertThat(log.find(failing).orElseThrow().attempts()).isEqualTo(2);
        assertThat(notifier.sent()).hasSize(3);
    }

    @Test
    void billsAndRemindersForTwelveThousandMerchantsTakeAHandfulOfQueries() {
        List<String> ids = merchants(12_000);
        CountingDataSource counting = new CountingDataSource(DB.dataSource());
        InMemoryReminderNotifier notifier = new InMemoryReminderNotifier();
        Settlekit kit = kit(counting.dataSource(), notifier);

        long billsStart = System.nanoTime();
        Map<String, Bill> bills = kit.bills().bills(ids, REMIND_DAY);
        long billsMillis = (System.nanoTime() - billsStart) / 1_000_000;
        int billQueries = counting.statements();

        assertThat(bills).hasSize(12_000);
        assertThat(bills.get("111999").pay().fen()).isEqualTo(2_750);
        assertThat(bills.get("111999").historyUnpaid().fen()).isEqualTo(100);
        assertThat(billQueries).as("plans, accounts, orders: one streaming scan each above 5,000 merchants").isEqualTo(3);

        // as many queries for a few merchants (IN lists) and for a subset above the IN-list limit (scans
        // keeping only the requested merchants), with the same answers
        counting.reset();
        Map<String, Bill> few = kit.bills().bills(ids.subList(0, 1_200), REMIND_DAY);
        assertThat(counting.statements()).as("queries at 1,200 merchants").isEqualTo(billQueries);
        assertThat(few).hasSize(1_200).allSatisfy((merchant, bill) -> assertThat(bill).isEqualTo(bills.get(merchant)));
        counting.reset();
        List<String> everyOther = new ArrayList<>();
        for (int i = ids.size() - 1; i >= 0; i -= 2) {
            everyOther.add(ids.get(i));
        }
        Map<String, Bill> half = kit.bills().bills(everyOther, REMIND_DAY);
        assertThat(counting.statements()).as("queries at 6,000 of 12,000 merchants").isEqualTo(billQueries);
        assertThat(half.keySet()).containsExactlyElementsOf(everyOther);
        assertThat(half).allSatisfy((merchant, bill) -> assertThat(bill).isEqualTo(bills.get(merchant)));

        counting.reset();
        long jobStart = System.nanoTime();
        ReminderRunReport report = kit.reminderJob().run(REMIND_DAY);
        long jobMillis = (System.nanoTime() - jobStart) / 1_000_000;
        int jobStatements = counting.statements();

        assertThat(report.sent()).isEqualTo(12_000);
        assertThat(report.estimatedCost()).isEqualByComparingTo("540.000");
        assertThat(jobStatements).as("8 reads, then one claim and one outcome per message").isEqualTo(8 + 2 * 12_000);
        LOG.info("12,000 merchants on MariaDB: bills in {} ms with {} queries; reminder run in {} ms with {} statements ({})",
                billsMillis, billQueries, jobMillis, jobStatements, report);
    }
}
