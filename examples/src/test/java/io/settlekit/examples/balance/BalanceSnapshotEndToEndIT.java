package io.settlekit.examples.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.Settlekit;
import io.settlekit.balance.MissingRatesException;
import io.settlekit.balance.SnapshotListener;
import io.settlekit.balance.SnapshotSummary;
import io.settlekit.examples.BalanceWiring;
import io.settlekit.examples.HostWiring;
import io.settlekit.job.RunMode;
import io.settlekit.mongo.MongoBalanceSnapshotStore;
import io.settlekit.mysql.job.MysqlJobLocks;
import io.settlekit.testkit.servers.LocalMysql;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.zaxxer.hikari.HikariDataSource;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The nightly snapshot end to end: 100,000 rows of {@code mws_financial_event_groups} on the local MariaDB,
 * rates in {@code tbl_fee_rate}, the job lock and ledger in MariaDB, snapshots into an embedded
 * MongoDB-protocol server. The job runs in a separate JVM capped at {@value #HEAP} of heap, first over
 * 10,000 open rows and then over all 100,000, and reports its heap after GC: flat memory means the same
 * small heap for ten times the rows. The rerun replaces the day without duplicates; a missing rate fails
 * the run and leaves the day as it was.
 */
class BalanceSnapshotEndToEndIT {
    private static final String HEAP = "-Xmx64m";
    private static final int ROWS = 100_000;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);

    private static LocalMysql mysql;
    private static HikariDataSource dataSource;
    private static MongoServer mongoServer;
    private static MongoClient mongo;
    private static String mongoUri;
    private static MongoDatabase database;

    @BeforeAll
    static void servers() throws Exception {
        mysql = LocalMysql.create("e2e_balance");
        mysql.run(Files.readString(Path.of("../adapters-mysql/src/test/resources/ddl/money.sql"), StandardCharsets.UTF_8));
        mysql.run(Files.readString(Path.of("../adapters-mysql/src/test/resources/ddl/balance.sql"), StandardCharsets.UTF_8));
        mysql.run(resource("/io/settlekit/mysql/job/job-tables.sql"));
        mysql.run("INSERT INTO tbl_fee_rate (station_id, from_fee_type, to_fee_type, value, group_id, create_time) VALUES"
                + " ('T1001', 'USD', 'CNY', 7.1234, 0, '2026-01-01 00:00:00'),"
                + " ('T1001', 'EUR', 'CNY', 7.7001, 0, '2026-01-01 00:00:00'),"
                + " ('T1001', 'JPY', 'CNY', 0.0470, 0, '2026-01-01 00:00:00')");
        mysql.run(insertRows());
        dataSource = HostWiring.pool(mysql.jdbcUrl(), mysql.user(), mysql.password());
        mongoServer = new MongoServer(new MemoryBackend());
        mongoServer.bind("127.0.0.1", 0);
        mongoUri = "mongodb://127.0.0.1:" + mongoServer.getLocalAddress().getPort();
        mongo = MongoClients.create(mongoUri);
        database = mongo.getDatabase("e2e");
    }

    @AfterAll
    static void stop() {
        if (mongo != null) {
            mongo.close();
        }
        if (mongoServer != null) {
            mongoServer.shutdownNow();
        }
        if (dataSource != null) {
            dataSource.close();
        }
        if (mysql != null) {
            mysql.close();
        }
    }

    /**
     * 100,000 open groups (ids 1…100,000, currencies cycling USD, EUR, JPY, CNY, amounts with every
     * half-cent case and negatives), plus a closed and a soft-deleted group the snapshot must skip. Rows
     * come from a cross join of digits, which runs on MySQL and MariaDB alike.
     */
    private static String insertRows() {
        String digits = "(SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4"
                + " UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";
        return "INSERT INTO mws_financial_event_groups (uuid, created_at, updated_at, seller_id, financial_event_group_id,"
                + " processing_status, fund_transfer_status, trace_id, account_tail, original_total_amount, converted_total_amount,"
                + " beginning_balance_amount, financial_event_group_start, currency_code)"
                + " SELECT CONCAT('e2e-', LPAD(n, 10, '0')), TIMESTAMPADD(SECOND, n, '2026-11-01 00:00:00'),"
                + " TIMESTAMPADD(SECOND, n + 30, '2026-11-01 00:00:00'), CONCAT('SELLER', n % 997), CONCAT('FEG-', n), 'Open', 'Initiated',"
                + " CONCAT('TRACE', n), LPAD(n % 1000, 3, '0'), ((n * 7919) % 10000000 - IF(n % 11 = 0, 5000000, 0)) / 100,"
                + " (n * 7919) % 10000000 / 100, 10.00, TIMESTAMPADD(DAY, -14, '2026-11-01 00:00:00'),"
                + " ELT(1 + n % 4, 'USD', 'EUR', 'JPY', 'CNY')"
                + " FROM (SELECT 1 + a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d AS n"
                + " FROM " + digits + " a CROSS JOIN " + digits + " b CROSS JOIN " + digits + " c CROSS JOIN " + digits + " e CROSS JOIN " + digits + " f) numbers;\n"
                + "INSERT INTO mws_financial_event_groups (uuid, seller_id, financial_event_group_id, processing_status, original_total_amount, currency_code)"
                + " VALUES ('closed-1', 'S', 'F-closed', 'Closed', 1000000.00, 'GBP');\n"
                + "INSERT INTO mws_financial_event_groups (uuid, seller_id, financial_event_group_id, processing_status, original_total_amount, currency_code, deleted_at)"
                + " VALUES ('deleted-1', 'S', 'F-deleted', 'Open', 1000000.00, 'GBP', '2026-11-20 00:00:00')";
    }

    @Test
    void snapshotsOneHundredThousandRowsInFlatMemoryAndRerunsWithoutDuplicates() throws Exception {
        mysql.run("UPDATE mws_financial_event_groups SET processing_status = 'Closed' WHERE uuid LIKE 'e2e-%' AND id > 10000");
        Map<String, String> small = runInOwnJvm(RunMode.ONCE_PER_DATE);
        assertThat(small).containsEntry("status", "RAN").containsEntry("documents", "10000");
        assertThat(small.get("total")).isEqualTo(expectedTotal().toPlainString());
        assertDay(10_000, small.get("run"), small.get("total"));

        mysql.run("UPDATE mws_financial_event_groups SET processing_status = 'Open' WHERE uuid LIKE 'e2e-%'");
        assertThat(runInOwnJvm(RunMode.ONCE_PER_DATE)).as("the ledger has the date").containsEntry("status", "ALREADY_DONE");
        Map<String, String> full = runInOwnJvm(RunMode.FORCE);

        assertThat(full).containsEntry("status", "RAN").containsEntry("documents", Integer.toString(ROWS));
        assertThat(full.get("total")).isEqualTo(expectedTotal().toPlainString());
        assertDay(ROWS, full.get("run"), full.get("total"));
        long smallPeak = Long.parseLong(small.get("peak_heap_after_gc"));
        long fullPeak = Long.parseLong(full.get("peak_heap_after_gc"));
        System.out.printf("snapshot of 10,000 rows: %s ms, heap after GC %.1f MiB; of 100,000 rows: %s ms, heap after GC %.1f MiB (max heap %.0f MiB)%n",
                small.get("millis"), smallPeak / 1048576.0, full.get("millis"), fullPeak / 1048576.0, Long.parseLong(full.get("max_heap")) / 1048576.0);
        assertThat(fullPeak).as("ten times the rows, not more heap").isLessThan(smallPeak * 3 / 2 + 4 * 1048576L);
    }

    @Test
    void aMissingRateFailsTheRunBeforeAnythingIsWrittenNamingTheCurrencies() throws Exception {
        Settlekit kit = BalanceWiring.kit(dataSource, database, new MysqlJobLocks(dataSource), SHANGHAI, SnapshotListener.NONE);
        LocalDate day = DAY.minusDays(1);
        kit.jobRunner().run(kit.balanceSnapshotJob(), day, RunMode.FORCE);
        SnapshotSummary before = kit.balanceSnapshots().summary(day).orElseThrow();
        long documentsBefore = documents().countDocuments();
        mysql.run("INSERT INTO mws_financial_event_groups (uuid, seller_id, financial_event_group_id, processing_status, original_total_amount, currency_code)"
                + " VALUES ('gbp-1', 'S', 'F-gbp', 'Open', 5.00, 'GBP'), ('aud-1', 'S', 'F-aud', 'Open', 5.00, 'AUD')");
        try {
            assertThatThrownBy(() -> kit.jobRunner().run(kit.balanceSnapshotJob(), day, RunMode.FORCE))
                    .isInstanceOfSatisfying(MissingRatesException.class, e -> {
                        assertThat(e.currencies()).containsExactly("AUD", "GBP");
                        assertThat(e.code()).isEqualTo("rate_not_found");
                    });
            assertThat(kit.balanceSnapshots().summary(day)).contains(before);
            assertThat(documents().countDocuments()).isEqualTo(documentsBefore);
        } finally {
            mysql.run("DELETE FROM mws_financial_event_groups WHERE uuid IN ('gbp-1', 'aud-1')");
        }
    }

    private static MongoCollection<Document> documents() {
        return database.getCollection(MongoBalanceSnapshotStore.DEFAULT_DOCUMENTS);
    }

    private static void assertDay(int count, String runId, String total) {
        assertThat(documents().countDocuments(Filters.eq("load_date", DAY.toString()))).isEqualTo(count);
        assertThat(documents().distinct("run_id", Filters.eq("load_date", DAY.toString()), String.class).into(new ArrayList<>())).containsExactly(runId);
        MongoCollection<Document> summaries = database.getCollection(MongoBalanceSnapshotStore.DEFAULT_SUMMARIES);
        assertThat(summaries.countDocuments(Filters.eq("load_date", DAY.toString()))).isEqualTo(1);
        SnapshotSummary summary = new MongoBalanceSnapshotStore(database, SHANGHAI).summary(DAY).orElseThrow();
        assertThat(summary.run().runId()).isEqualTo(runId);
        assertThat(summary.totalAmount().toPlainString()).isEqualTo(total);
    }

    /** The day's total computed by MariaDB itself: ROUND is half away from zero on DECIMAL, i.e. HALF_UP. */
    private static BigDecimal expectedTotal() throws SQLException {
        try (Connection connection = mysql.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT SUM(ROUND(ROUND(g.original_total_amount, 0) * COALESCE(r.value, 1), 2))"
                     + " FROM mws_financial_event_groups g LEFT JOIN tbl_fee_rate r ON r.station_id = 'T1001'"
                     + " AND r.from_fee_type = g.currency_code AND r.to_fee_type = 'CNY'"
                     + " WHERE g.processing_status = 'Open' AND g.deleted_at IS NULL")) {
            row.next();
            return row.getBigDecimal(1).setScale(2);
        }
    }

    /** Runs {@link SnapshotProcess} in a new JVM with a {@value #HEAP} heap and parses its answer. */
    private static Map<String, String> runInOwnJvm(RunMode mode) throws IOException, InterruptedException {
        Path output = Files.createTempFile("snapshot-process", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                    "-cp", System.getProperty("java.class.path"), SnapshotProcess.class.getName())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            Map<String, String> env = builder.environment();
            env.put("E2E_JDBC_URL", mysql.jdbcUrl());
            env.put("E2E_JDBC_USER", mysql.user());
            env.put("E2E_JDBC_PASSWORD", mysql.password());
            env.put("E2E_MONGO_URI", mongoUri);
            env.put("E2E_MONGO_DATABASE", "e2e");
            env.put("E2E_DATE", DAY.toString());
            env.put("E2E_MODE", mode.name());
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the snapshot process did not finish in 10 minutes");
            }
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            String answer = lines.stream().filter(line -> line.startsWith("status=")).findFirst()
                    .orElseThrow(() -> new AssertionError("the snapshot process failed (exit " + process.exitValue() + "):\n" + String.join("\n", lines)));
            Map<String, String> fields = new HashMap<>();
            for (String pair : answer.split(" ")) {
                fields.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            return fields;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = BalanceSnapshotEndToEndIT.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
