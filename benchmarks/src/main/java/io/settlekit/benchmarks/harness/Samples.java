package io.settlekit.benchmarks.harness;


import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The repeated figures of one variant at one parameter in an end-to-end path (rounds of the variants
 * alternate, so drift of the machine hits every variant alike), reported as their median; the error is
 * half the spread between the lowest and highest figure.
 */
public final class Samples {
    private final String variant;
    private final String param;
    private final String unit;
    private final boolean higherIsBetter;
    private final List<Double> values = new ArrayList<>();

    /**
     * @param variant        {@code baseline}, {@code settlekit} or {@code peer…}
     * @param param          the parameter, e.g. {@code users=10000}
     * @param unit           the unit of the figures
     * @param higherIsBetter whether larger figures are better (throughput)
     */
    public Samples(String variant, String param, String unit, boolean higherIsBetter) {
        this.variant = variant;
        this.param = param;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
    }

    /** Adds one round's figure. */
    public void add(double value) {
        values.add(value);
    }

    /** The median of the figures, with half their spread as the error. */
    public Measurement median() {
        if (values.isEmpty()) {
            throw new IllegalStateException("no figures of " + variant + " at " + param);
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        double spread = n > 1 ? (sorted.get(n - 1) - sorted.get(0)) / 2 : Double.NaN;
        return new Measurement(variant, param, median, spread, unit, higherIsBetter);
    }
}
