package io.settlekit.benchmarks.harness;

/**
 * One measured figure of a benchmark path.
 *
 * @param variant        {@code baseline}, {@code settlekit} or {@code peer…}
 * @param param          the input size or other parameter, empty when the path has none
 * @param score          the figure (time per operation, or operations per second)
 * @param error          the 99.9% confidence half-width JMH reports (NaN when unknown)
 * @param unit           the unit of {@code score}
 * @param higherIsBetter whether a larger score is better (throughput) or worse (time)
 */
public record Measurement(String variant, String param, double score, double error, String unit, boolean higherIsBetter) {

    /** How many times better than {@code reference} this figure is (above 1 = better). */
    public double speedupOver(Measurement reference) {
        return higherIsBetter ? score / reference.score : reference.score / score;
    }

    /** How many times the cost of {@code reference} this figure is (above 1 = slower). */
    public double costRelativeTo(Measurement reference) {
        return 1 / speedupOver(reference);
    }
}
