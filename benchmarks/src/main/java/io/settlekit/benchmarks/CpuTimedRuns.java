package io.settlekit.benchmarks;

import io.settlekit.benchmarks.report.Measurement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs a JMH benchmark class as {@link io.settlekit.benchmarks.JmhPaths} does, with the
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
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + benchmark.getName().replace(".", "\\.") + "\\.")
                .forks(mode.forks())
                .warmupIterations(mode.warmupIterations())
                .warmupTime(TimeValue.milliseconds(mode.iterationTime().toMillis()))
                .measurementIterations(mode.iterations())
                .measurementTime(TimeValue.milliseconds(mode.iterationTime().toMillis()))
                .addProfiler(CpuTimeProfiler.class)
                .shouldFailOnError(true);
        only.forEach((name, values) -> options.param(name, values.toArray(String[]::new)));
        if (jvmArgs.length > 0) {
            options.jvmArgsAppend(jvmArgs);
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        List<Measurement> measurements = new ArrayList<>();
        List<Measurement> cpu = new ArrayList<>();
        for (RunResult result : results) {
            BenchmarkParams params = result.getParams();
            String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
            String param = params.getParamsKeys().stream()
                    .map(key -> key + "=" + params.getParam(key))
                    .collect(Collectors.joining(","));
            boolean throughput = params.getMode().shortLabel().equals("thrpt");
            Result<?> primary = result.getPrimaryResult();
            measurements.add(new Measurement(method, param, primary.getScore(), primary.getScoreError(), primary.getScoreUnit(), throughput));
            Result<?> cpuTime = result.getSecondaryResults().get(CpuTimeProfiler.LABEL);
            if (cpuTime != null) {
                cpu.add(new Measurement(method + CPU, param, cpuTime.getStatistics().getPercentile(50), cpuTime.getScoreError(),
                        cpuTime.getScoreUnit(), false));
            }
        }
        measurements.addAll(cpu);
        return measurements;
    }
}
