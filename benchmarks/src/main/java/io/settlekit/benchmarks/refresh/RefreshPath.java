package io.settlekit.benchmarks.refresh;

import io.settlekit.benchmarks.harness.BenchmarkPath;
import io.settlekit.benchmarks.harness.JmhPaths;
import io.settlekit.benchmarks.harness.RunMode;
import io.settlekit.benchmarks.harness.Samples;
import io.settlekit.benchmarks.harness.Measurement;
import io.settlekit.benchmarks.harness.PathResult;
import io.settlekit.benchmarks.harness.Verdict;
import io.settlekit.redis.ScannedKeys;
import io.settlekit.testkit.servers.LocalRedis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.RedisClient;

/**
 * Refresh limit on Redis: ≥ 0.8× the throughput of a raw {@code INCR} and ≥ 1.5× Bucket4j's, 8 threads on
 * one pooled client, for one hot user and for 10,000 users.
 */
public final class RefreshPath implements BenchmarkPath {
    static final int THREADS = 8;
    private static final List<String> VARIANTS = List.of("baseline", "settlekit", "peerBucket4j", "peerBucket4jGranted", "referenceEmptyScript");
    private static final List<Integer> USER_COUNTS = List.of(1, RefreshVariants.USERS);

    @Override
    public String id() {
        return "refresh";
    }

    @Override
    public String title() {
        return "refresh limit";
    }

    @Override
    public String work() {
        return "one refresh check per call from " + THREADS + " threads on one pooled Jedis 8 client (local Redis), one hot user and 10,000 users";
    }

    @Override
    public String baseline() {
        return "raw `INCR` of the user's key, same threads and client";
    }

    @Override
    public String peer() {
        return "Bucket4j 8.14 (Jedis CAS proxy manager), 1 token per day (`peerBucket4j`) and a bucket that never runs out "
                + "(`peerBucket4jGranted`); reference: `EVALSHA` of an empty Lua script";
    }

    @Override
    public PathResult run(RunMode mode) throws Exception {
        String prefix = "settlekit-bench:refresh:" + UUID.randomUUID().toString().substring(0, 8) + ":";
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(THREADS * 2);
        pool.setMaxIdle(THREADS * 2);
        ThroughputDriver driver = new ThroughputDriver(THREADS);
        Map<String, Samples> samples = new LinkedHashMap<>();
        Map<String, double[]> serverCpu = new LinkedHashMap<>(); // variant|param -> {server cpu seconds, calls, client cpu seconds}
        try (RedisClient jedis = RedisClient.builder().fromURI(LocalRedis.check().uri()).poolConfig(pool).build()) {
            try {
                RefreshVariants variants = new RefreshVariants(jedis, prefix);
                for (int users : USER_COUNTS) {
                    String param = "users=" + users;
                    for (String variant : VARIANTS) {
                        samples.put(variant + "|" + param, new Samples(variant, param, "ops/s", true));
                        driver.run(check(variants, variant), users, mode.iterationTime()); // warm-up round
                    }
                    // alternate rounds, so that drift hits every variant alike
                    for (int round = 0; round < rounds(mode); round++) {
                        for (String variant : VARIANTS) {
                            double cpuBefore = RedisCpu.seconds(jedis);
                            ThroughputDriver.Round measured = driver.run(check(variants, variant), users, mode.iterationTime());
                            double[] cpu = serverCpu.computeIfAbsent(variant + "|" + param, k -> new double[3]);
                            cpu[0] += RedisCpu.seconds(jedis) - cpuBefore;
                            cpu[1] += measured.calls();
                            cpu[2] += measured.cpuNanos() / 1e9;
                            samples.get(variant + "|" + param).add(measured.perSecond());
                        }
                    }
                }
            } finally {
                driver.close();
                ScannedKeys.deleteAll(jedis, prefix);
            }
        }
        List<Measurement> m = samples.values().stream().map(Samples::median).toList();
        return new PathResult(this, m, verdicts(m), notes(m, serverCpu));
    }

    /**
     * Rounds per variant: end-to-end figures on a shared 2-core machine need more than JMH's. With 5
     * one-second rounds a variant's median moved by ±20 % between runs (an empty script once measured
     * 1.14× the throughput of {@code INCR}, which it cannot sustain); 9 in quick mode, 15 in full.
     */
    private static int rounds(RunMode mode) {
        return mode.endToEndRepeats() * 3;
    }

    private static ThroughputDriver.Check check(RefreshVariants variants, String variant) {
        return switch (variant) {
            case "baseline" -> variants::baseline;
            case "settlekit" -> variants::settlekit;
            case "peerBucket4j" -> variants::peerBucket4j;
            case "peerBucket4jGranted" -> variants::peerBucket4jGranted;
            case "referenceEmptyScript" -> variants::referenceEmptyScript;
            default -> throw new IllegalArgumentException(variant);
        };
    }

    private static List<Verdict> verdicts(List<Measurement> m) {
        List<Verdict> verdicts = new ArrayList<>();
        for (int users : USER_COUNTS) {
            String param = "users=" + users;
            Measurement settlekit = JmhPaths.find(m, "settlekit", param);
            double ofBaseline = settlekit.score() / JmhPaths.find(m, "baseline", param).score();
            double ofPeer = settlekit.score() / JmhPaths.find(m, "peerBucket4j", param).score();
            verdicts.add(new Verdict("≥ 0.8× baseline throughput at " + param, String.format(Locale.ROOT, "%.2f×", ofBaseline), ofBaseline >= 0.8));
            verdicts.add(new Verdict("≥ 1.5× Bucket4j throughput at " + param, String.format(Locale.ROOT, "%.2f×", ofPeer), ofPeer >= 1.5));
            double ofEmpty = settlekit.score() / JmhPaths.find(m, "referenceEmptyScript", param).score();
            double ofGranted = settlekit.score() / JmhPaths.find(m, "peerBucket4jGranted", param).score();
            verdicts.add(new Verdict("proposed: ≥ 0.8× an empty `EVALSHA` at " + param, String.format(Locale.ROOT, "%.2f×", ofEmpty), ofEmpty >= 0.8));
            verdicts.add(new Verdict("proposed: ≥ 1.5× Bucket4j granting at " + param, String.format(Locale.ROOT, "%.2f×", ofGranted), ofGranted >= 1.5));
        }
        return verdicts;
    }

    private static List<String> notes(List<Measurement> m, Map<String, double[]> serverCpu) {
        List<String> notes = new ArrayList<>();
        StringBuilder cpu = new StringBuilder("CPU per call, client threads (`ThreadMXBean`) / Redis server (user + system from "
                + "`INFO cpu`, network included, an upper bound on a shared server):");
        serverCpu.forEach((key, figures) -> cpu.append(String.format(Locale.ROOT, " %s %.1f / %.1f µs;", key.replace('|', ' '),
                figures[2] * 1e6 / figures[1], figures[0] * 1e6 / figures[1])));
        notes.add("Why ≥ 0.8× `INCR` is at the edge of reach on this machine (met or missed by a few hundredths from run to run): the client threads and Redis share 2 cores, so throughput "
                + "follows the CPU spent per call. Any script call costs the server more than `INCR` (script lookup, a Lua call), "
                + "and the counter's script also runs `INCR` and `PTTL` inside Lua: it must, to set a new key's expiry and repair a key "
                + "without one in the same atomic round trip (issue 4). The figures below show it: the empty script alone stays "
                + "under `INCR`. Proposed next-best target: ≥ 0.8× an empty `EVALSHA`, the floor of any one-round-trip atomic check.");
        notes.add("Why ≥ 1.5× Bucket4j is out of reach at 1 token per day: after a user's first refresh every check is denied, and "
                + "Bucket4j answers a denial from one `GET` of the bucket's state and writes nothing, while rule R8.2 of docs/rules.md counts every "
                + "check with an atomic increment. When Bucket4j grants (`peerBucket4jGranted`) it reads the state, then writes it back "
                + "by a compare-and-swap script: two round trips. Proposed next-best target: ≥ 1.5× Bucket4j granting.");
        notes.add("Profiled in this issue: besides the round trip, the limiter formatted the day (`DateTimeFormatter`) and found its "
                + "end in the zone on every check; it now keeps both for the current day and remembers the last valid action.");
        notes.add(cpu.substring(0, cpu.length() - 1) + ".");
        for (int users : USER_COUNTS) {
            String param = "users=" + users;
            double settlekit = JmhPaths.find(m, "settlekit", param).score();
            double empty = JmhPaths.find(m, "referenceEmptyScript", param).score();
            double raw = JmhPaths.find(m, "baseline", param).score();
            notes.add(String.format(Locale.ROOT, "At %s an empty Lua script by `EVALSHA` reaches %.2f× the throughput of `INCR`; "
                    + "Settlekit's script (INCR, PTTL, and on the first call TIME + PEXPIREAT) reaches %.2f× of `INCR` and %.2f× of the empty script.",
                    param, empty / raw, settlekit / raw, settlekit / empty));
        }
        return notes;
    }
}
