package io.settlekit.benchmarks.harness;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler reporting the CPU time the benchmark's JVM spent per operation, in milliseconds (all its
 * threads: the benchmark's, the garbage collector's, the compiler's), as the secondary result
 * {@value #LABEL}.
 *
 * <p>Why: these benchmarks run on 2 cores shared with other jobs, and a wall-clock average moves with the
 * neighbours' load (the same variant measured 0.4 s and 1.3 s per operation minutes apart). CPU time
 * is what the work costs whoever runs it; it still counts the collector's work, so allocation-heavy code
 * pays for its garbage.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    /** The secondary result's label (JMH shows it as {@code ·cpu}). */
    public static final String LABEL = "·cpu";

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long before;

    @Override
    public String getDescription() {
        return "CPU time of the whole benchmark JVM per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long ops = Math.max(1, result.getMetadata().getAllOps());
        double millisPerOp = (os.getProcessCpuTime() - before) / 1e6 / ops;
        return List.of(new ScalarResult(LABEL, millisPerOp, "ms/op", AggregationPolicy.AVG));
    }
}
