package io.settlekit.benchmarks.harness;


import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * Runs a JMH benchmark class as {@link io.settlekit.benchmarks.harness.JmhPaths} does, with the
 * {@link CpuTimeProfiler} attached: every variant gets its wall-clock row and a row
 * {@code <variant>·cpu} with the CPU time per operation of its JVM, measured in the same iterations.
 *
 * <p>The CPU rows give the median over the measured iterations (with the mean's 99.9% half-width as the
 * error): one iteration disturbed by a neighbour, or by a late compilation, moves a mean of 3 to 8
 * iterations a long way and a median hardly at all.
 */
public final class CpuTimedRuns {
    /** The suffix of the CPU-time rows' variant names. */
    public static final String CPU = "·cpu";

    private CpuTimedRuns() {
    }

    /** Runs every {@code @Benchmark} method of {@code benchmark} with the mode's settings and {@code jvmArgs}. */
    public static List<Measurement> run(Class<?> benchmark, RunMode mode, String... jvmArgs) throws Exception {
        return run(benchmark, mode, Map.of(), jvmArgs);
    }

    /** As {@link #run(Class, RunMode, String...)}, with some {@code @Param}s restricted to {@code only}' values. */
    public static List<Measurement> run(Class<?> benchmark, RunMode mode, Map<String, List<String>> only, String... jvmArgs)
            throws Exception {
        Collection<RunResult> results = JmhPaths.results(benchmark, mode, only, CpuTimeProfiler.class, jvmArgs);
        List<Measurement> measurements = new ArrayList<>(JmhPaths.measurements(results));
        for (RunResult result : results) {
            Result<?> cpuTime = result.getSecondaryResults().get(CpuTimeProfiler.LABEL);
            if (cpuTime != null) {
                measurements.add(new Measurement(JmhPaths.variant(result) + CPU, JmhPaths.param(result),
                        cpuTime.getStatistics().getPercentile(50), cpuTime.getScoreError(), cpuTime.getScoreUnit(), false));
            }
        }
        return measurements;
    }
}
