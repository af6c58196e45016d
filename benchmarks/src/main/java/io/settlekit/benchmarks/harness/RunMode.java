package io.settlekit.benchmarks.harness;

import java.time.Duration;

/**
 * How long to measure: {@link #QUICK} finishes every path in under ten minutes on 2 cores; {@link #FULL}
 * gives tighter error bars.
 *
 * @param forks              JVM forks per benchmark
 * @param warmupIterations   warm-up iterations per fork
 * @param iterations         measured iterations per fork
 * @param iterationTime      length of one iteration
 * @param endToEndRepeats    repeats of an end-to-end driver (the median is reported)
 */
public record RunMode(int forks, int warmupIterations, int iterations, Duration iterationTime, int endToEndRepeats) {
    /** A short run for CI-sized machines. */
    public static final RunMode QUICK = new RunMode(1, 3, 3, Duration.ofSeconds(1), 3);
    /** A longer run for publishing figures. */
    public static final RunMode FULL = new RunMode(2, 4, 5, Duration.ofSeconds(2), 5);
}
