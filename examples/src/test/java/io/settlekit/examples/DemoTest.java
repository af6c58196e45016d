package io.settlekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.examples.demo.Demo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The demo runs end to end on embedded defaults and shows the reconciliation's deliberate differences. */
class DemoTest {
    @Test
    void reconcilesBothSampleFilesAndReportsEveryDifference() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Demo(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        String output = bytes.toString(StandardCharsets.UTF_8);

        assertThat(output)
                .contains("Reconcile: paypal/fr-cupshe/2025-03-14 -> completed")
                .contains("Reconcile: afterpay/au-cupshe/2025-03-14 -> completed")
                .contains("amount_mismatch          ORD-100236")
                .contains("difference -100.00 AUD")
                .contains("currency_mismatch        SHOP-20460")
                .contains("missing_in_settlement    ORD-100243")
                .contains("duplicate                SHOP-20452")
                .contains("paypal/it-cupshe/2025-03-14: no_files")
                .contains("raw files archived: 3");
    }
}
