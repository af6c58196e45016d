package io.settlekit.benchmarks.reconcile;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The reconciliation's baseline and Settlekit alternating in one JVM capped at 256 MB (a child process of
 * the benchmark run), warmed up by at least a million lines each, compared on CPU time by
 * {@link AlternatingRuns}: a second opinion on the JMH figures, which on a loaded machine left the
 * compiler still at work in the measured iterations of the smaller files.
 */
public final class ReconcileAlternation {
    private static final String PREFIX = "alternation ";

    private ReconcileAlternation() {
    }

    /** Child process entry: {@code lines warmups rounds batch}; prints one line starting with {@value #PREFIX}. */
    public static void main(String[] args) throws Exception {
        ReconcileBenchmark benchmark = new ReconcileBenchmark();
        benchmark.lines = Integer.parseInt(args[0]);
        benchmark.setUp();
        try {
            AlternatingRuns.Comparison c = new AlternatingRuns().compare(benchmark::baseline, benchmark::settlekit,
                    Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            System.out.println(PREFIX + c.baselineCpuMillis() + " " + c.variantCpuMillis() + " " + c.ratio() + " " + c.rounds());
        } finally {
            benchmark.tearDown();
        }
    }

    /** Runs the comparison for {@code lines} in a child JVM with {@code heap}. */
    static AlternatingRuns.Comparison run(int lines, String heap) throws Exception {
        // about a million lines of warm-up per variant, and rounds of at least ~100k lines
        int warmups = Math.max(2, 1_000_000 / lines);
        int batch = Math.max(1, 100_000 / lines);
        int rounds = lines >= 1_000_000 ? 5 : 9;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, heap, "-cp", System.getProperty("java.class.path"),
                ReconcileAlternation.class.getName(), Integer.toString(lines), Integer.toString(warmups),
                Integer.toString(rounds), Integer.toString(batch)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(PREFIX)) {
                    result = line.substring(PREFIX.length());
                }
            }
        }
        if (process.waitFor() != 0 || result == null) {
            throw new IllegalStateException("the alternation of " + lines + " lines failed (exit " + process.exitValue() + ")");
        }
        String[] f = result.split(" ");
        return new AlternatingRuns.Comparison(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                Integer.parseInt(f[3]));
    }

    /** The comparison as a verdict's measured text. */
    static String describe(AlternatingRuns.Comparison c) {
        return String.format(Locale.ROOT, "%.2f× (%.1f against %.1f CPU ms, median of %d alternating rounds)",
                c.ratio(), c.variantCpuMillis(), c.baselineCpuMillis(), c.rounds());
    }
}
