package io.settlekit.benchmarks.reconcile;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * Runs two variants of the same work in alternation in one JVM and compares the CPU time each one costs
 * the whole process (its own thread, the garbage collector's and the compiler's). On a machine shared
 * with other jobs, wall-clock averages of variants measured one after the other (as JMH runs them) move
 * with the neighbours' load, often by more than the difference being measured; CPU time spent by this
 * process, taken in alternating rounds, moves far less, and the median of the per-round ratios compares
 * the variants under the same conditions.
 */
public final class AlternatingRuns {
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /**
     * Per-variant medians and the median ratio of one comparison.
     *
     * @param baselineCpuMillis median CPU milliseconds per run of the baseline
     * @param variantCpuMillis  median CPU milliseconds per run of the variant
     * @param ratio             median over the rounds of variant CPU / baseline CPU
     * @param rounds            how many alternating rounds were measured
     */
    public record Comparison(double baselineCpuMillis, double variantCpuMillis, double ratio, int rounds) {
    }

    /**
     * Warms both up {@code warmups} times, then measures {@code rounds} alternating rounds of {@code batch}
     * runs each (the process CPU clock ticks in 10 ms: short runs are measured in batches).
     */
    public Comparison compare(Callable<?> baseline, Callable<?> variant, int warmups, int rounds, int batch) throws Exception {
        for (int i = 0; i < warmups; i++) {
            baseline.call();
            variant.call();
        }
        double[] base = new double[rounds];
        double[] ours = new double[rounds];
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            // alternate which goes first, so that neither always follows the other's garbage
            if (r % 2 == 0) {
                base[r] = cpuMillis(baseline, batch);
                ours[r] = cpuMillis(variant, batch);
            } else {
                ours[r] = cpuMillis(variant, batch);
                base[r] = cpuMillis(baseline, batch);
            }
            ratios[r] = ours[r] / base[r];
        }
        return new Comparison(median(base), median(ours), median(ratios), rounds);
    }

    private double cpuMillis(Callable<?> work, int batch) throws Exception {
        long before = os.getProcessCpuTime();
        for (int i = 0; i < batch; i++) {
            if (work.call() == null) {
                throw new IllegalStateException("a variant returned nothing");
            }
        }
        long after = os.getProcessCpuTime();
        return (after - before) / 1e6 / batch;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
