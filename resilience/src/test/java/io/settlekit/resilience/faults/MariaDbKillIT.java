package io.settlekit.resilience.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.base.InfrastructureException;
import io.settlekit.Settlekit;
import io.settlekit.balance.SnapshotListener;
import io.settlekit.balance.SnapshotRun;
import io.settlekit.balance.SnapshotSummary;
import io.settlekit.examples.BalanceWiring;
import io.settlekit.files.paypal.PaypalStlParser;
import io.settlekit.job.JobResult;
import io.settlekit.job.RunMode;
import io.settlekit.job.memory.InMemoryJobLedger;
import io.settlekit.mongo.MongoBalanceSnapshotStore;
import io.settlekit.mysql.MysqlDatabaseExtension;
import io.settlekit.mysql.job.MysqlJobLocks;
import io.settlekit.mysql.reconcile.MysqlReceivableSource;
import io.settlekit.mysql.reconcile.PrestashopTables;
import io.settlekit.reconcile.Channel;
import io.settlekit.reconcile.ReconcileOutcome;
import io.settlekit.reconcile.ReconciliationSummary;
import io.settlekit.reconcile.ReportKey;
import io.settlekit.reconcile.SettlementFeeds;
import io.settlekit.reconcile.memory.InMemoryReconciliationReports;
import io.settlekit.reconcile.memory.InMemorySettlementFiles;
import io.settlekit.reconcile.ReceivableSource;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scenario 1: the MariaDB connection a scan reads through is killed ({@code KILL CONNECTION}, found in
 * {@code PROCESSLIST} on the test's own database) in the middle of the scan.
 * <ul>
 *   <li>The balance snapshot ({@link io.settlekit.mysql.balance.MysqlFinancialEventGroupSource}, pages of
 *       1,000 → {@code BalanceSnapshotJob} → MongoDB): after {@value #SNAPSHOT_KILL_AT} of {@value #GROUPS}
 *       rows are staged, the test locks the table so that the next page's query waits, and kills that
 *       query's connection.</li>
 *   <li>The PayPal reconciliation of fr-cupshe ({@link MysqlReceivableSource}, one streamed statement over
 *       {@value #ORDERS} receivables): the consumer pauses at row {@value #RECEIVABLES_KILL_AT} while the
 *       server is still sending (the result, ~7 MB, is larger than what a small client receive buffer and
 *       the server's send buffer hold), and the
 *       streaming connection is killed.</li>
 * </ul>
 * Each run fails with the {@link InfrastructureException} (cause kept), nothing half-written is visible, the
 * date stays open, and the rerun through the job runner completes with the result of an undisturbed run.
 * (The rerun of the reconciliation used to fail: the pool lent the killed connection again, see
 * {@code Jdbc.discard}.)
 */
class MariaDbKillIT {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int GROUPS = 20_000;
    private static final long SNAPSHOT_KILL_AT = 3_000;
    private static final int ORDERS = 150_000;
    private static final long RECEIVABLES_KILL_AT = 1_000;
    private static final LocalDate UNDISTURBED_DAY = LocalDate.of(2026, 11, 20);
    private static final LocalDate KILLED_DAY = LocalDate.of(2026, 11, 21);

    @RegisterExtension
    static final MysqlDatabaseExtension DB = new MysqlDatabaseExtension("faults_kill", "/ddl/money.sql", "/ddl/balance.sql",
            "/ddl/prestashop.sql", "/io/settlekit/mysql/job/job-tables.sql");

    private static MongoServer mongoServer;
    private static MongoClient mongo;
    private static MongoDatabase database;
    private static final ExecutorService JOBS = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void data() {
        DB.run("INSERT INTO tbl_fee_rate (station_id, from_fee_type, to_fee_type, value, group_id, create_time) VALUES"
                + " ('T1001', 'USD', 'CNY', 7.1234, 0, '2026-01-01 00:00:00'),"
                + " ('T1001', 'EUR', 'CNY', 7.7001, 0, '2026-01-01 00:00:00'),"
                + " ('T1001', 'JPY', 'CNY', 0.0470, 0, '2026-01-01 00:00:00')");
        String numbers = "(SELECT 1 + a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d AS n FROM " + digits() + " a CROSS JOIN "
                + digits() + " b CROSS JOIN " + digits() + " c CROSS JOIN " + digits() + " e CROSS JOIN " + digits() + " f) numbers";
        DB.run("INSERT INTO mws_financial_event_groups (uuid, created_at, updated_at, seller_id, financial_event_group_id,"
                + " processing_status, fund_transfer_status, original_total_amount, beginning_balance_amount, currency_code)"
                + " SELECT CONCAT('kill-', LPAD(n, 10, '0')), '2026-11-01 00:00:00', '2026-11-01 00:00:00', CONCAT('SELLER', n % 97),"
                + " CONCAT('FEG-', n), 'Open', 'Initiated', ((n * 7919) % 1000000 - IF(n % 11 = 0, 500000, 0)) / 100, 10.00,"
                + " ELT(1 + n % 4, 'USD', 'EUR', 'JPY', 'CNY') FROM " + numbers + " WHERE n <= " + GROUPS);
        // PayPal orders of fr-cupshe, paid, in the PayPal window of 2025-03-14 (Los Angeles day = 15:00 → 15:00 in Shanghai)
        DB.run("INSERT INTO ps_currency (id_currency, name, iso_code, conversion_rate) VALUES (1, 'US Dollar', 'USD', 1.0)");
        String moreNumbers = "(SELECT 1 + a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d + 100000 * g.d AS n FROM " + digits()
                + " a CROSS JOIN " + digits() + " b CROSS JOIN " + digits() + " c CROSS JOIN " + digits() + " e CROSS JOIN " + digits()
                + " f CROSS JOIN " + digits() + " g) numbers";
        DB.run("INSERT INTO ps_orders (id_order, reference, id_customer, id_cart, id_currency, payment, total_paid, date_add, date_upd)"
                + " SELECT n, CONCAT('K', LPAD(n, 8, '0')), n, n, 1, 'PayPal', (n % 500) + 0.99,"
                + " TIMESTAMPADD(SECOND, n DIV 8, '2025-03-14 16:00:00'), TIMESTAMPADD(SECOND, n DIV 8, '2025-03-14 16:00:00') FROM " + moreNumbers
                + " WHERE n <= " + ORDERS);
        DB.run("INSERT INTO ps_order_history (id_order, id_order_state, date_add) SELECT id_order, 2, date_add FROM ps_orders");
        DB.run("INSERT INTO ps_order_payment (order_reference, id_currency, amount, payment_method, transaction_id, date_add)"
                + " SELECT reference, 1, total_paid, 'PayPal', CONCAT('TX', id_order), date_add FROM ps_orders");
        mongoServer = new MongoServer(new MemoryBackend());
        mongoServer.bind("127.0.0.1", 0);
        mongo = MongoClients.create("mongodb://127.0.0.1:" + mongoServer.getLocalAddress().getPort() + "/?serverSelectionTimeoutMS=2000");
        database = mongo.getDatabase("faults");
    }

    @AfterAll
    static void stop() {
        JOBS.shutdownNow();
        if (mongo != null) {
            mongo.close();
        }
        if (mongoServer != null) {
            mongoServer.shutdownNow();
        }
    }

    private static String digits() {
        return "(SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4"
                + " UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";
    }

    @Test
    @Timeout(120)
    void aSnapshotWhoseConnectionIsKilledMidScanFailsLeavesNothingAndItsRerunEqualsAnUndisturbedRun() throws Exception {
        KillSwitch kill = new KillSwitch(SNAPSHOT_KILL_AT);
        SnapshotListener pausing = new SnapshotListener() {
            @Override
            public void batchWritten(SnapshotRun run, int batchSize, long written) {
                kill.pauseOnce(written);
            }
        };
        Settlekit undisturbedKit = BalanceWiring.kit(DB.dataSource(), database, new MysqlJobLocks(DB.dataSource()), SHANGHAI, SnapshotListener.NONE);
        SnapshotSummary undisturbed = undisturbedKit.jobRunner().run(undisturbedKit.balanceSnapshotJob(), UNDISTURBED_DAY, RunMode.FORCE)
                .result().orElseThrow();
        long documentsBefore = documents().countDocuments();

        Settlekit kit = BalanceWiring.kit(DB.dataSource(), database, new MysqlJobLocks(DB.dataSource()), SHANGHAI, pausing);
        long start = System.nanoTime();
        Future<JobResult<SnapshotSummary>> run = JOBS.submit(() -> kit.jobRunner().run(kit.balanceSnapshotJob(), KILLED_DAY, RunMode.ONCE_PER_DATE));
        kill.awaitPaused();
        KillSwitch.Victim victim;
        try (Connection locker = DB.mysql().connect(); Connection own = DB.mysql().connect(); Statement lock = locker.createStatement()) {
            lock.execute("LOCK TABLES mws_financial_event_groups WRITE"); // the next page's query waits on it
            kill.resume();
            victim = KillSwitch.find(own, DB.mysql().database(), "mws_financial_event_groups", Duration.ofSeconds(10));
            KillSwitch.kill(own, victim.id());
            lock.execute("UNLOCK TABLES");
        }
        InfrastructureException failure = failureOf(run);
        long failedAfterMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(failure.getMessage()).contains("MySQL failed while reading open groups of");
        assertThat(failure.getCause()).isInstanceOf(SQLException.class);
        assertThat(kit.balanceSnapshots().summary(KILLED_DAY)).as("no summary for the day").isEmpty();
        assertThat(documents().countDocuments(Filters.eq("load_date", KILLED_DAY.toString()))).as("staged documents discarded").isZero();
        assertThat(documents().countDocuments()).isEqualTo(documentsBefore);
        assertThat(kit.balanceSnapshots().summary(UNDISTURBED_DAY)).contains(undisturbed);

        JobResult<SnapshotSummary> rerun = kit.jobRunner().run(kit.balanceSnapshotJob(), KILLED_DAY, RunMode.ONCE_PER_DATE);

        assertThat(rerun.status()).as("the date was left open").isEqualTo(JobResult.Status.RAN);
        SnapshotSummary again = rerun.result().orElseThrow();
        assertThat(again.documentCount()).isEqualTo(GROUPS).isEqualTo(undisturbed.documentCount());
        assertThat(again.totalAmount()).isEqualTo(undisturbed.totalAmount());
        assertThat(again.rates()).isEqualTo(undisturbed.rates());
        assertThat(documents().countDocuments(Filters.eq("load_date", KILLED_DAY.toString()))).isEqualTo(GROUPS);
        FaultLog.record("1a-mariadb-kill-snapshot", "KILL CONNECTION of the page query (state '" + victim.state() + "') after "
                + SNAPSHOT_KILL_AT + " of " + GROUPS + " groups staged: the job failed in " + failedAfterMillis
                + " ms with InfrastructureException (cause " + failure.getCause().getClass().getSimpleName()
                + "); no summary and 0 staged documents left for the day; the rerun (ONCE_PER_DATE) ran: " + again.documentCount()
                + " documents, total " + again.totalAmount().toPlainString() + " CNY, equal to the undisturbed run.");
    }

    @Test
    @Timeout(120)
    void aReconciliationWhoseReceivablesConnectionIsKilledMidStreamFailsPublishesNothingAndItsRerunEqualsAnUndisturbedRun() throws Exception {
        ReportKey key = new ReportKey(Channel.PAYPAL, ReconcileSamples.FR.name(), ReconcileSamples.DAY);
        ReconciliationSummary undisturbed;
        try (HikariDataSource pool = smallBufferPool()) {
            Reconciliation plain = new Reconciliation(new MysqlReceivableSource(pool, SHANGHAI, Map.of(ReconcileSamples.FR.id(), PrestashopTables.defaults())));
            undisturbed = ((ReconcileOutcome.Completed) plain.run().result().orElseThrow()).summary();
        }
        assertThat(undisturbed.receivables()).isEqualTo(ORDERS);

        KillSwitch kill = new KillSwitch(RECEIVABLES_KILL_AT);
        AtomicLong rows = new AtomicLong();
        try (HikariDataSource pool = smallBufferPool()) {
            MysqlReceivableSource mysql = new MysqlReceivableSource(pool, SHANGHAI, Map.of(ReconcileSamples.FR.id(), PrestashopTables.defaults()));
            ReceivableSource pausing = (channel, site, from, until, sink) -> mysql.read(channel, site, from, until, receivable -> {
                kill.pauseOnce(rows.incrementAndGet());
                sink.accept(receivable);
            });
            Reconciliation faulted = new Reconciliation(pausing);
            long start = System.nanoTime();
            Future<JobResult<ReconcileOutcome>> run = JOBS.submit(faulted::run);
            kill.awaitPaused();
            KillSwitch.Victim victim;
            try (Connection own = DB.mysql().connect()) {
                // the server is still sending the result: killing now cuts the stream
                victim = KillSwitch.find(own, DB.mysql().database(), "ps_order_payment", Duration.ofSeconds(5));
                KillSwitch.kill(own, victim.id());
            }
            long readBeforeKill = rows.get();
            kill.resume();
            InfrastructureException failure = failureOf(run);
            long failedAfterMillis = (System.nanoTime() - start) / 1_000_000;
            long brokeAfter = rows.get();

            assertThat(failure.getMessage()).contains("MySQL failed while reading the paypal receivables of site fr-cupshe");
            assertThat(failure.getCause()).isInstanceOf(SQLException.class);
            assertThat(brokeAfter).as("the scan stopped mid-stream").isLessThan(ORDERS);
            assertThat(faulted.reports.find(key)).as("no report published").isEmpty();
            assertThat(faulted.ledger.completion(faulted.job().name(), ReconcileSamples.DAY)).as("the date stays open").isEmpty();

            rows.set(Long.MIN_VALUE); // the rerun does not pause
            JobResult<ReconcileOutcome> rerun = faulted.run();

            assertThat(rerun.status()).isEqualTo(JobResult.Status.RAN);
            ReconciliationSummary again = ((ReconcileOutcome.Completed) rerun.result().orElseThrow()).summary();
            assertThat(again).as("the rerun equals an undisturbed run").isEqualTo(undisturbed);
            assertThat(faulted.reports.find(key)).isPresent();
            FaultLog.record("1b-mariadb-kill-receivables", "KILL CONNECTION of the streamed receivables query (server state '"
                    + victim.state() + "') after " + readBeforeKill + " of " + ORDERS + " rows read: the reconciliation job failed in "
                    + failedAfterMillis + " ms with InfrastructureException (cause " + failure.getCause().getClass().getSimpleName()
                    + ", the stream broke after " + brokeAfter + " rows, those already buffered); no report published, date left open; the rerun ran and its summary ("
                    + again.lines() + " lines, " + again.receivables() + " receivables) equals the undisturbed run.");
        }
    }

    /** A reconciliation of the sample PayPal day with its own reports and job ledger. */
    private static final class Reconciliation {
        final InMemoryReconciliationReports reports = new InMemoryReconciliationReports();
        final InMemoryJobLedger ledger = new InMemoryJobLedger();
        final Settlekit kit;

        Reconciliation(ReceivableSource receivables) {
            kit = Settlekit.embedded()
                    .zone(SHANGHAI)
                    .jobLedger(ledger)
                    .settlementFeeds(SettlementFeeds.sample())
                    .settlementFiles(new InMemorySettlementFiles().put(ReconcileSamples.PAYPAL_FR.account(), ReconcileSamples.STL_FILE,
                            ReconcileSamples.stlFile()))
                    .settlementParser(Channel.PAYPAL, new PaypalStlParser())
                    .receivables(receivables)
                    .reconciliationReports(reports)
                    .build();
        }

        io.settlekit.reconcile.ReconciliationJob job() {
            return kit.dailyReconciliation().job(Channel.PAYPAL, ReconcileSamples.FR);
        }

        JobResult<ReconcileOutcome> run() {
            return kit.jobRunner().run(job(), ReconcileSamples.DAY, RunMode.ONCE_PER_DATE);
        }
    }

    /**
     * A pool whose connections have an 8 KiB receive buffer: a paused reader then holds only a few rows in
     * its socket, and the server is still sending the rest when the connection is killed.
     */
    private static HikariDataSource smallBufferPool() {
        String url = DB.mysql().jdbcUrl();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "tcpRcvBuf=8192");
        config.setUsername(DB.mysql().user());
        config.setPassword(DB.mysql().password());
        config.setMaximumPoolSize(2);
        config.setPoolName("settlekit-faults-receivables");
        return new HikariDataSource(config);
    }

    private static InfrastructureException failureOf(Future<?> run) throws InterruptedException, java.util.concurrent.TimeoutException {
        try {
            run.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(InfrastructureException.class);
            return (InfrastructureException) e.getCause();
        }
        throw new AssertionError("the run did not fail");
    }

    private static MongoCollection<Document> documents() {
        return database.getCollection(MongoBalanceSnapshotStore.DEFAULT_DOCUMENTS);
    }
}
