package io.settlekit.benchmarks.reminders;

import io.settlekit.benchmarks.BenchmarkPath;
import io.settlekit.benchmarks.RunMode;
import io.settlekit.benchmarks.Samples;
import io.settlekit.benchmarks.report.Measurement;
import io.settlekit.benchmarks.report.PathResult;
import io.settlekit.benchmarks.report.Verdict;
import io.settlekit.testkit.servers.LocalMysql;

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
 * 12,000.
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
            mysql.run(resource("settlement-plans.sql"));
            mysql.run(resource("settlement-ledger.sql"));
            mysql.run(LedgerRows.plans(MERCHANTS));
            mysql.run(LedgerRows.merchants(MERCHANTS));
            mysql.run(LedgerRows.orders(ORDERS, MERCHANTS));
            mysql.run("ANALYZE TABLE settlekit_ledger_order");
            generationMillis = (System.nanoTime() - start) / 1_000_000;
            try (HikariDataSource pool = pool(mysql)) {
                StatementCounter counter = new StatementCounter(pool);
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
                new Verdict("proposed: ≤ 2× reading the same open orders", String.format(Locale.ROOT, "%.2f×", ofReference), ofReference <= 2),
                new Verdict("proposed: ≤ 3 queries per 5,000 merchants", fewQueries + " at 1,200, " + allQueries + " at 12,000",
                        fewQueries <= 3 * ((FEW_MERCHANTS + 4_999) / 5_000) && allQueries <= 3 * ((MERCHANTS + 4_999) / 5_000)));
        return new PathResult(this, m, verdicts, List.of(
                String.format(Locale.ROOT, "Data generated by MariaDB in %,d ms (12,000 merchants, plans, 1,000,000 orders); "
                        + "Settlekit's total due and the aggregate's agree to the fen in every round.", generationMillis),
                "Profiled in this issue: the ledger's order query ended in `ORDER BY merchant_id, order_date, order_id`, so MariaDB walked "
                        + "the secondary index `(merchant_id, order_date)` and looked every one of the 1,000,000 orders up in the table "
                        + "(12.00× the aggregate, 10.2 s, on the same busy machine). Without the `ORDER BY` (the adapter now sorts each "
                        + "merchant's orders itself) it reads along the primary key `(merchant_id, order_id)`: 3.28× (4.0 s).",
                String.format(Locale.ROOT, "Why the aggregate is the wrong floor: bills, unpaid lists and reminders are "
                        + "computed in the core from the merchants' orders (the ledger port returns orders, and hosts may back it with "
                        + "views), so every open order (%,d rows here) must be read and shipped, where the aggregate sums inside the server "
                        + "and returns one row per merchant. Reading exactly those rows with one plain streaming query "
                        + "(`referenceOpenOrders`) costs %.2f× the aggregate; Settlekit costs %.2f× that read (the rest: `IN`-list reads of "
                        + "5,000 merchants at a time, plan histories, one object per order; not profiled further in this issue). "
                        + "Proposed next-best target: ≤ 2× the plain read of the same open orders.", openOrderRows,
                        m.get(2).costRelativeTo(m.get(0)), ofReference),
                "Queries: 3 per 5,000 merchants (plans, accounts, open orders; `IN` lists of at most 5,000 ids), never one per merchant, "
                        + "but not constant: 3 at 1,200 and 9 at 12,000. A count independent of the merchants needs a ledger read of every "
                        + "merchant's open orders in one streaming scan (a new port method, with its contract test and in-memory adapter); "
                        + "proposed next-best target until then: ≤ 3 queries per 5,000 merchants."));
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
