package io.settlekit.benchmarks.snapshot;

import io.settlekit.benchmarks.harness.BenchmarkPath;
import io.settlekit.benchmarks.harness.RunMode;
import io.settlekit.benchmarks.harness.Samples;
import io.settlekit.benchmarks.harness.Measurement;
import io.settlekit.benchmarks.harness.PathResult;
import io.settlekit.benchmarks.harness.Verdict;
import io.settlekit.testkit.servers.LocalMysql;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Store balance snapshot: 10,000 and 100,000 open groups from MariaDB into the MongoDB-protocol server,
 * ≤ 1.5× a plain streaming JDBC scan + {@code insertMany}; the job's live heap flat from 10k to 100k rows.
 * The rounds run in one JVM capped at {@value #HEAP}; the Mongo server runs in this JVM.
 */
public final class SnapshotPath implements BenchmarkPath {
    static final String HEAP = "-Xmx64m";
    private static final List<Integer> SIZES = List.of(10_000, 100_000);
    private static final double MIB = 1024 * 1024;

    @Override
    public String id() {
        return "snapshot";
    }

    @Override
    public String title() {
        return "store balance snapshot";
    }

    @Override
    public String work() {
        return "10,000 and 100,000 open `mws_financial_event_groups` rows (MariaDB) snapshotted to the embedded MongoDB-protocol server "
                + "in batches of 1,000 by `BalanceSnapshotJob` (keyset pages, rates checked first, staged run, published summary), JVM at " + HEAP;
    }

    @Override
    public String baseline() {
        return "one streaming JDBC scan (fetchSize Integer.MIN_VALUE) + `insertMany` of documents with the same fields, same batch size, "
                + "into a collection with the same indexes";
    }

    @Override
    public String peer() {
        return "—";
    }

    @Override
    public boolean scalable() {
        return true;
    }

    @Override
    public PathResult run(RunMode mode) throws Exception {
        Map<String, Samples> times = new LinkedHashMap<>();
        Map<String, Long> heaps = new LinkedHashMap<>();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        try (LocalMysql mysql = LocalMysql.create("bench_snapshot")) {
            mysql.run(resource("/ddl/money.sql"));
            mysql.run(resource("/ddl/balance.sql"));
            mysql.run(SnapshotRows.RATES);
            mysql.run(SnapshotRows.insert(SIZES.get(SIZES.size() - 1)));
            mongo.bind("127.0.0.1", 0);
            String mongoUri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
            for (String line : fork(mysql, mongoUri, mode.endToEndRepeats())) {
                String[] fields = line.split(" ");
                String param = "rows=" + fields[2];
                if (fields[0].equals("time")) {
                    times.computeIfAbsent(fields[1] + "|" + param, k -> new Samples(fields[1], param, "ms/op", false))
                            .add(Double.parseDouble(fields[3]));
                } else if (fields[0].equals("heap")) {
                    heaps.put(fields[1] + "|" + fields[2], Long.parseLong(fields[3]));
                }
            }
        } finally {
            mongo.shutdownNow();
        }
        List<Measurement> m = new ArrayList<>(times.values().stream().map(Samples::median).toList());
        heaps.forEach((key, bytes) -> m.add(new Measurement(key.substring(0, key.indexOf('|')) + "LiveHeap",
                "heap, rows=" + key.substring(key.indexOf('|') + 1), bytes / MIB, Double.NaN, "MiB", false)));
        return new PathResult(this, m, verdicts(m, heaps), List.of(
                "Live heap = the largest heap in use right after a full GC, sampled every 10,000 documents and at the end, "
                        + "in the forked JVM (" + HEAP + "); the MongoDB-protocol server holds its documents in the parent JVM.",
                "Profiled in this issue: the MySQL source's keyset pages (`id > ? ORDER BY id LIMIT 1000`) were read by MariaDB through "
                        + "the `(processing_status, deleted_at, id)` index as a `ref`, skipping every earlier open entry to reach each page: "
                        + "a scan of n rows cost O(n²) (a page at row 60,000 took 35-270 ms). 100k rows cost 1.57-1.65× the baseline "
                        + "(10k: 1.05-1.23×) on this busy machine. Pages are now read within bounded id windows "
                        + "(`id >= ? AND id <= ?`), for which the primary key range is the cheapest plan (under 1 ms a page): the source "
                        + "alone now reads 100k rows in 1.3-1.7 s (old keyset pages, without even mapping rows: 2.9-3.1 s; the bare "
                        + "streaming scan: 0.6 s). End to end at 100k, two runs after the fix on this busy machine (load 9-15) gave 0.85× "
                        + "and 1.55×; the table above is a run on a quiet machine."));
    }

    private static List<Verdict> verdicts(List<Measurement> m, Map<String, Long> heaps) {
        List<Verdict> verdicts = new ArrayList<>();
        for (int size : SIZES) {
            String param = "rows=" + size;
            double cost = find(m, "settlekit", param).costRelativeTo(find(m, "baseline", param));
            verdicts.add(new Verdict("≤ 1.5× baseline at " + param, String.format(Locale.ROOT, "%.2f×", cost), cost <= 1.5));
        }
        long small = heaps.get("settlekit|" + SIZES.get(0));
        long large = heaps.get("settlekit|" + SIZES.get(SIZES.size() - 1));
        boolean flat = large <= small * 3 / 2 + 4 * 1024 * 1024;
        verdicts.add(new Verdict("live heap flat from 10k to 100k rows (≤ 1.5× + 4 MiB)",
                String.format(Locale.ROOT, "%.1f → %.1f MiB (%.2f×)", small / MIB, large / MIB, (double) large / small), flat));
        return verdicts;
    }

    private static Measurement find(List<Measurement> m, String variant, String param) {
        return m.stream().filter(x -> x.variant().equals(variant) && x.param().equals(param)).findFirst().orElseThrow();
    }

    /** Runs {@link SnapshotRounds} over every size in a new JVM and returns its output lines. */
    private static List<String> fork(LocalMysql mysql, String mongoUri, int rounds) throws IOException, InterruptedException {
        Path output = Files.createTempFile("settlekit-bench-snapshot", ".out");
        try {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP));
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), SnapshotRounds.class.getName(),
                    mysql.jdbcUrl(), mysql.user(), mysql.password(), mongoUri, Integer.toString(rounds)));
            SIZES.forEach(size -> command.add(Integer.toString(size)));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("the snapshot rounds did not finish in 10 minutes");
            }
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("the snapshot rounds failed (exit " + process.exitValue() + "):\n"
                        + String.join("\n", lines));
            }
            return lines.stream().filter(line -> line.startsWith("time ") || line.startsWith("heap ")).toList();
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SnapshotPath.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
