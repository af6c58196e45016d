package io.settlekit.benchmarks.totals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The variants of the totals benchmark compute the same total, so that their costs compare like with like. */
class TotalsBenchmarkTest {

    @Test
    void everyVariantComputesTheBaselinesTotal() {
        long expected = variant("baseline").baseline();

        assertThat(variant("settlekit").settlekit()).isEqualTo(expected);
        assertThat(variant("settlekitColumn").settlekitColumn()).isEqualTo(expected);
        assertThat(variant("peerJodaMoney").peerJodaMoney()).isEqualTo(expected);
        // Moneta's default rounding is its own (one rounding per converted sum, half-even): within a fen a sum
        assertThat(variant("peerMoneta").peerMoneta()).isBetween(expected - 3, expected + 3);
    }

    private static TotalsBenchmark variant(String name) {
        TotalsBenchmark benchmark = new TotalsBenchmark();
        benchmark.setUp(name);
        return benchmark;
    }
}
