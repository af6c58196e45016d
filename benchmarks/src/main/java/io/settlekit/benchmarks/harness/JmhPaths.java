package io.settlekit.benchmarks.harness;


import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.Profiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs one JMH benchmark class and turns its results into {@link Measurement}s. */
public final class JmhPaths {
    private JmhPaths() {
    }

    /** Runs every {@code @Benchmark} method of {@code benchmark} with the mode's iteration settings. */
    public static List<Measurement> run(Class<?> benchmark, RunMode mode, String... jvmArgs) throws Exception {
        return measurements(results(benchmark, mode, Map.of(), null, jvmArgs));
    }

    /**
     * JMH's results for every {@code @Benchmark} method of {@code benchmark} with the mode's settings, some
     * {@code @Param}s restricted to {@code only}'s values, {@code profiler} attached unless null.
     */
    static Collection<RunResult> results(Class<?> benchmark, RunMode mode, Map<String, List<String>> only,
                                         Class<? extends Profiler> profiler, String... jvmArgs) throws Exception {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + benchmark.getName().replace(".", "\\.") + "\\.")
                .forks(mode.forks())
                .warmupIterations(mode.warmupIterations())
                .warmupTime(TimeValue.milliseconds(mode.iterationTime().toMillis()))
                .measurementIterations(mode.iterations())
                .measurementTime(TimeValue.milliseconds(mode.iterationTime().toMillis()))
                .shouldFailOnError(true);
        if (profiler != null) {
            options.addProfiler(profiler);
        }
        only.forEach((name, values) -> options.param(name, values.toArray(String[]::new)));
        if (jvmArgs.length > 0) {
            options.jvmArgsAppend(jvmArgs);
        }
        return new Runner(options.build()).run();
    }

    /** The primary (wall-clock) measurement of every result. */
    static List<Measurement> measurements(Collection<RunResult> results) {
        List<Measurement> measurements = new ArrayList<>();
        for (RunResult result : results) {
            BenchmarkParams params = result.getParams();
            boolean throughput = params.getMode().shortLabel().equals("thrpt");
            Result<?> primary = result.getPrimaryResult();
            measurements.add(new Measurement(variant(result), param(result), primary.getScore(), primary.getScoreError(),
                    primary.getScoreUnit(), throughput));
        }
        return measurements;
    }

    /** The benchmark method's name, e.g. {@code settlekit}. */
    static String variant(RunResult result) {
        String benchmark = result.getParams().getBenchmark();
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** The result's {@code @Param} values, e.g. {@code lines=10000}, or empty. */
    static String param(RunResult result) {
        BenchmarkParams params = result.getParams();
        return params.getParamsKeys().stream()
                .map(key -> key + "=" + params.getParam(key))
                .collect(Collectors.joining(","));
    }

    /** The measurement of {@code variant} at {@code param}. */
    public static Measurement find(List<Measurement> measurements, String variant, String param) {
        return measurements.stream()
                .filter(m -> m.variant().equals(variant) && m.param().equals(param))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no measurement of " + variant + " at '" + param + "'"));
    }
}
