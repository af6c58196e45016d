package io.settlekit.benchmarks.harness;


/**
 * One hot path of the SDK, measured beside its baseline (the same work done bare) and, where one exists,
 * its peer (what a user would pick instead), in the same run.
 */
public interface BenchmarkPath {

    /** A short id used on the command line, e.g. {@code totals}. */
    String id();

    /** The path's name in the report. */
    String title();

    /** The work measured. */
    String work();

    /** What the baseline is. */
    String baseline();

    /** The peers, or "—". */
    String peer();

    /** Whether the report should chart cost against input size. */
    default boolean scalable() {
        return false;
    }

    /** Runs the path's benchmarks and judges them against its targets. */
    PathResult run(RunMode mode) throws Exception;
}
