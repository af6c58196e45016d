package io.settlekit.benchmarks.harness;


import java.util.List;

/**
 * The measurements and verdicts of one benchmark path.
 *
 * @param path         the path that was run
 * @param measurements every figure, in run order
 * @param verdicts     the path's targets, judged
 * @param notes        remarks printed under the table (profiling findings, explanations)
 */
public record PathResult(BenchmarkPath path, List<Measurement> measurements, List<Verdict> verdicts, List<String> notes) {
}
