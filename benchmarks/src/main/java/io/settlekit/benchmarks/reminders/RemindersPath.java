package io.settlekit.benchmarks.reminders;

import io.settlekit.benchmarks.harness.BenchmarkPath;
import io.settlekit.benchmarks.harness.RunMode;
import io.settlekit.benchmarks.harness.Samples;
import io.settlekit.benchmarks.harness.Measurement;
import io.settlekit.benchmarks.harness.PathResult;
import io.settlekit.benchmarks.harness.Verdict;
import io.settlekit.testkit.servers.LocalMysql;
import io.settlekit.testkit.jdbc.CountingDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bills of every merchant on the reminder day, 12,000 merchants and 1,000,000 orders on MariaDB: ≤ 2×
 * the one aggregate SQL over the same unpaid orders, and as many queries for 1,200 merchants as for
 * 12,000 (3: plans, accounts, open orders; one streaming scan each above the adapters' 5,000-id IN lists).
 */
public final class RemindersPath implements BenchmarkPath {
    static final int MERCHANTS = 12_000;
    static final int ORDERS = 1_000_000;
    private static final int FEW_MERCHANTS = 1_200;

    @Override
    public String id() {
        return "reminders";
    }

    @Override
    public String title() {
        return "reminder bills";
    }

    @Override
    public String work() {
        return "the bill (pay + history unpaid) of each of 12,000 merchants on the reminder day, as the reminder job reads it: "
                + "`Bills.bills` over `MysqlPlanStore` and `MysqlMerchantLedger`, 1,000,000 orders on MariaDB";
    }

    @Override
    public String baseline() {
        return "the one aggregate SQL `SELECT merchant_id, SUM(amount_fen - paid_fen) … WHERE paid_fen < amount_fen AND order_date <= "
                + "<pending period end> GROUP BY merchant_id` over the same orders";
    }

    @Override
    public String peer() {
        return "—";
    }

    @Override
    public PathResult run(RunMode mode) throws Exception {
        List<String> merchants = new ArrayList<>();
        for (int i = 0; i < MERCHANTS; i++) {
            merchants.add(Integer.toString(100_000 + i));
        }
        String param = "merchants=" + MERCHANTS;
        Samples baseline = new Samples("baseline", param, "ms/op", false);
        Samples settlekit = new Samples("settlekit", param, "ms/op", false);
        Samples reference = new Samples("referenceOpenOrders", param, "ms/op", false);
        int fewQueries;
        int allQueries;
        long generationMillis;
        long openOrderRows;
        try (LocalMysql mysql = LocalMysql.create("bench_reminders")) {
            long start = System.nanoTime();
            mysql.run(resource("/ddl/settlement-plans.sql"));
            mysql.run(resource("/ddl/settlement-ledger.sql"));
            mysql.run(LedgerRows.plans(MERCHANTS));
            mysql.run(LedgerRows.merchants(MERCHANTS));
            mysql.run(LedgerRows.orders(ORDERS, MERCHANTS));
            mysql.run("ANALYZE TABLE settlekit_ledger_order");
            generationMillis = (System.nanoTime() - start) / 1_000_000;
            try (HikariDataSource pool = pool(mysql)) {
                CountingDataSource counter = new CountingDataSource(pool);
                ReminderVariants variants = new ReminderVariants(pool, counter.dataSource());
                long expected = variants.baseline();
                check(expected, variants.settlekit(merchants));
                long openOrders = variants.referenceOpenOrders();
                openOrderRows = openOrders;
                for (int round = 0; round < mode.endToEndRepeats(); round++) {
                    baseline.add(timed(variants::baseline, expected));
                    settlekit.add(timed(() -> variants.settlekit(merchants), expected));
                    reference.add(timed(variants::referenceOpenOrders, openOrders));
                }
                counter.reset();
                variants.settlekit(merchants.subList(0, FEW_MERCHANTS));
                fewQueries = counter.statements();
                counter.reset();
                variants.settlekit(merchants);
                allQueries = counter.statements();
            }
        }
        List<Measurement> m = new ArrayList<>(List.of(baseline.median(), settlekit.median(), reference.median(),
                new Measurement("settlekitQueries", "queries, merchants=" + FEW_MERCHANTS, fewQueries, Double.NaN, "queries", false),
                new Measurement("settlekitQueries", "queries, merchants=" + MERCHANTS, allQueries, Double.NaN, "queries", false)));
        double cost = m.get(1).costRelativeTo(m.get(0));
        double ofReference = m.get(1).costRelativeTo(m.get(2));
        List<Verdict> verdicts = List.of(
                new Verdict("≤ 2× baseline at " + param, String.format(Locale.ROOT, "%.2f×", cost), cost <= 2),
                new Verdict("queries independent of the number of merchants", fewQueries + " at 1,200, " + allQueries + " at 12,000",
                        fewQueries == allQueries),
                new Verdict("proposed: ≤ 2× reading the same open orders", String.format(Locale.ROOT, "%.2f×", ofReference), ofReference <= 2));
        return new PathResult(this, m, verdicts, List.of(
                String.format(Locale.ROOT, "Data generated by MariaDB in %,d ms (12,000 merchants, plans, 1,000,000 orders); "
                        + "Settlekit's total due and the aggregate's agree to the fen in every round.", generationMillis),
                String.format(Locale.ROOT, "Queries: %d at 1,200 merchants and %d at 12,000 (plans, accounts, open orders), independent of "
                        + "the number of merchants. Cause of the former 3 at 1,200 and 9 at 12,000: `Bills.bills` cut the merchants into "
                        + "batches of 5,000 and the MySQL adapters read each batch by an `IN` list. Now `Bills.bills` makes one call of "
                        + "each port for all merchants (no port change), and `MysqlPlanStore`/`MysqlMerchantLedger` answer each call with "
                        + "one statement: an `IN` list up to 5,000 ids, above that one streaming scan (`fetchSize = Integer.MIN_VALUE`) "
                        + "with the same predicates (open orders since the earliest pending period), keeping the requested merchants in "
                        + "a `HashSet` (checked in `BillingOnMysqlIT`: same count and bills at 1,200, at 6,000 of 12,000 and at 12,000).",
                        fewQueries, allQueries),
                "Before/after on the same busy 2-core machine (quick runs, load 6-15): before, 4,303 ms = 4.17× the aggregate and "
                        + "3.06× the plain read of the open orders, 9 queries; after the scans, 2,112 ms = 3.30× the aggregate (640 ms "
                        + "that run) and 1.40× the plain read (1,510 ms); this run's figures are in the table above. Earlier in this "
                        + "issue: the order query's `ORDER BY merchant_id, order_date, order_id` made MariaDB look every order up from "
                        + "the `(merchant_id, order_date)` index (12.00×, 10.2 s); the adapter now sorts each merchant's orders itself.",
                String.format(Locale.ROOT, "Profiled (JFR `jdk.ExecutionSample`, main thread, after the scans): most client samples "
                        + "are Connector/J decoding the %,d streamed open orders (row reads, `getObject`/`getString`/`getLong`); "
                        + "of ours, `Bill.of` (two `Amount`s allocated per order, a currency check per order), the per-merchant "
                        + "sort through a composed `Comparator.comparing(...).thenComparing(...)`, plan histories (12,000 rows) and "
                        + "calendars. Removed: `Bill.of` sums long fen (three `Amount`s per bill; the `Amount` path only to report an "
                        + "overflow) and the sort uses a written-out comparator. One `LedgerOrder` per open order and the per-merchant "
                        + "calendar stay: the ledger port returns orders and hosts may back it with views.", openOrderRows),
                String.format(Locale.ROOT, "Why ≤ 2× the aggregate is out of reach: bills, unpaid lists and reminders are computed in "
                        + "the core from the merchants' orders, so every open order (%,d rows here) must be read and shipped, where the "
                        + "aggregate sums inside the server and returns one row per merchant. Reading exactly those rows with one plain "
                        + "streaming query (`referenceOpenOrders`) already costs %.2f× the aggregate here; Settlekit costs %.2f× that "
                        + "read. Proposed target kept: ≤ 2× the plain read of the same open orders.", openOrderRows,
                        m.get(2).costRelativeTo(m.get(0)), ofReference)));
    }

    private interface Run {
        long call() throws Exception;
    }

    private static double timed(Run run, long expected) throws Exception {
        long start = System.nanoTime();
        long total = run.call();
        double millis = (System.nanoTime() - start) / 1e6;
        check(expected, total);
        return millis;
    }

    private static void check(long expected, long actual) {
        if (expected != actual) {
            throw new IllegalStateException("a round returned " + actual + ", the first run " + expected
                    + " (bills total against the aggregate SQL in fen, or open order rows)");
        }
    }

    private static HikariDataSource pool(LocalMysql mysql) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(mysql.jdbcUrl());
        config.setUsername(mysql.user());
        config.setPassword(mysql.password());
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RemindersPath.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
