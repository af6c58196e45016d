package io.settlekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.examples.rules.RulesCommand;
import io.settlekit.examples.rules.RulesRunner;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The rules runner reads bytes: a line that is not UTF-8 or is too long gets its typed error and the
 * batch goes on. Before: bad bytes became U+FFFD (two different stations or ids read as one) and a line
 * had no bound (one huge line ended the process with OutOfMemoryError).
 */
class RulesRunnerBytesTest {

    private static String[] answers(RulesRunner runner, byte[] input) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        runner.run(new ByteArrayInputStream(input), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).split("\n");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void twoStationsThatDifferOnlyInBadBytesAreBothRefusedNotMerged() throws IOException {
        byte[] input = concat(
                utf8("{\"op\":\"convert\",\"rates\":[{\"station\":\"T"), new byte[] {(byte) 0xFE}, utf8("\",\"from\":\"HKD\",\"to\":\"CNY\",\"value\":\"0.9235\"}],"
                        + "\"station\":\"T"), new byte[] {(byte) 0xFF}, utf8("\",\"amount\":{\"fee\":100,\"fee_type\":\"HKD\"},\"to\":\"CNY\"}\n"),
                utf8("{\"op\":\"total\",\"amounts\":[{\"fee\":1,\"fee_type\":\"HKD\"}]}\n"));

        String[] answers = answers(new RulesRunner(), input);

        assertThat(answers).hasSize(2);
        assertThat(answers[0]).isEqualTo("{\"error\":{\"code\":\"malformed_input\",\"field\":\"request\","
                + "\"message\":\"request: line 1 is not UTF-8: bad byte at offset 38\"}}");
        assertThat(answers[1]).isEqualTo("{\"totals\":{\"HKD\":1}}");
    }

    @Test
    void anOverLongLineIsAnsweredWithATypedErrorAndTheNextLineIsAnswered() throws IOException {
        String big = "{\"op\":\"total\",\"amounts\":[" + "{\"fee\":1,\"fee_type\":\"CNY\"},".repeat(100) + "{\"fee\":1,\"fee_type\":\"CNY\"}]}";
        byte[] input = utf8(big + "\n{\"op\":\"total\",\"amounts\":[{\"fee\":7,\"fee_type\":\"CNY\"}]}\n");

        String[] answers = answers(new RulesRunner(1_000), input);

        assertThat(answers).hasSize(2);
        assertThat(answers[0]).startsWith("{\"error\":{\"code\":\"invalid_value\",\"field\":\"request\",")
                .contains("line 1 is " + utf8(big).length + " bytes, longer than the limit of 1000");
        assertThat(answers[1]).isEqualTo("{\"totals\":{\"CNY\":7}}");
        assertThat(answers(new RulesRunner(utf8(big).length), utf8(big))).as("at the limit it is answered")
                .containsExactly("{\"totals\":{\"CNY\":101}}");
    }

    @Test
    void theCommandTakesTheLimitAndRefusesABadOneWithExitCode2() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        byte[] input = utf8("{\"op\":\"total\",\"amounts\":[{\"fee\":7,\"fee_type\":\"CNY\"}]}\n");

        int ok = new RulesCommand(new ByteArrayInputStream(input), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run("--max-line-bytes=10");
        int bad = new RulesCommand(new ByteArrayInputStream(input), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run("--max-line-bytes", "0");
        int unknown = new RulesCommand(new ByteArrayInputStream(input), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run("--max-line-bytes=ten");

        assertThat(ok).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{\"error\":{\"code\":\"invalid_value\"").contains("limit of 10");
        assertThat(bad).isEqualTo(2);
        assertThat(unknown).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("at least 1, not 0").contains("'ten'");
    }
}
