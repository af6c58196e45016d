package io.settlekit.benchmarks;

import io.settlekit.benchmarks.report.Measurement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.openjdk.jmh.infra.BenchmarkParams;
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
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + benchmark.getName().replace(".", "\\.") + "\\.")
                .forks(mode.forks())
                .warmupIterations(mode.warmupIterations())
                .warmupTime(TimeValue.milliseconds(mode.iterationTime().toMillis()))
                .measurementIterations(mode.iterations())
                .measurementTime(TimeValue.milliseconds(mode.iterationTime().toMillis()))
                .shouldFailOnError(true);
        if (jvmArgs.length > 0) {
            options.jvmArgsAppend(jvmArgs);
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        List<Measurement> measurements = new ArrayList<>();
        for (RunResult result : results) {
            BenchmarkParams params = result.getParams();
            String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
            String param = params.getParamsKeys().stream()
                    .map(key -> key + "=" + params.getParam(key))
                    .collect(Collectors.joining(","));
            boolean throughput = params.getMode().shortLabel().equals("thrpt");
            measurements.add(new Measurement(method, param, result.getPrimaryResult().getScore(),
                    result.getPrimaryResult().getScoreError(), result.getPrimaryResult().getScoreUnit(), throughput));
        }
        return measurements;
    }

    /** The measurement of {@code variant} at {@code param}. */
    public static Measurement find(List<Measurement> measurements, String variant, String param) {
        return measurements.stream()
                .filter(m -> m.variant().equals(variant) && m.param().equals(param))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no measurement of " + variant + " at '" + param + "'"));
    }
}
