package io.settlekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.examples.demo.Demo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The demo's settlement section shows what the README says it shows: reminders sent once, a failure retried. */
class BillingDemoTest {

    @Test
    void theDemoSendsEachReminderOnceAndRetriesTheFailedOne() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Demo(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        String output = bytes.toString(StandardCharsets.UTF_8);

        assertThat(output)
                .contains("merchant 1006's reminder was stored as off")
                .contains("2026-11-09 .. 2026-11-11  settle 2026-11-18  (weekly, begin day 1, settle day 3)")
                .contains("2026-11-12 .. 2026-11-21  settle 2026-11-24, remind 2026-11-21  (custom, 10 days, settled 3 days after)")
                .contains("first run (the SMS gateway refuses 1002): due 2, sent 1, skipped 0, failed 1, estimated cost 0.045 CNY")
                .contains("rerun (1002's failed send is retried, 1001 is not sent twice): due 2, sent 1, skipped 1, failed 0")
                .contains("another rerun: due 2, sent 0, skipped 2, failed 0, estimated cost 0.000 CNY")
                .contains("messages sent in all: 2;")
                .doesNotContain("13800138000");
    }
}
