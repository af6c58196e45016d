package io.settlekit.resilience.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.settlekit.files.paypal.PaypalStlParser;

/**
 * Coverage-guided fuzzing of {@link PaypalStlParser} on raw bytes, seeded with the sample STL file and
 * the crashes found so far ({@code PaypalStlFuzzITInputs/stlFile/}). Without {@code JAZZER_FUZZ} the seeds
 * run as regression tests; the {@code fuzz} Failsafe execution fuzzes for {@code maxDuration}.
 */
class PaypalStlFuzzIT {
    private final PaypalStlParser parser = new PaypalStlParser();

    @FuzzTest(maxDuration = "20s")
    void stlFile(byte[] content) {
        FuzzChecks.settlementFile(parser, "STL-20250314.01.009.CSV", content);
    }
}
