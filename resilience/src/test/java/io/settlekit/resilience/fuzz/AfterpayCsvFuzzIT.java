package io.settlekit.resilience.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.settlekit.files.afterpay.AfterpayCsvParser;
import io.settlekit.files.afterpay.AfterpayOptions;

/**
 * Coverage-guided fuzzing of {@link AfterpayCsvParser} (Australian account options) on raw bytes, seeded
 * with the sample exports ({@code AfterpayCsvFuzzITInputs/csvFile/}).
 */
class AfterpayCsvFuzzIT {
    private final AfterpayCsvParser parser = new AfterpayCsvParser(AfterpayOptions.australia());

    @FuzzTest(maxDuration = "20s")
    void csvFile(byte[] content) {
        FuzzChecks.settlementFile(parser, "afterpay-settlement-20250314-AU-synthetic.csv", content);
    }
}
