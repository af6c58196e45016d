package io.settlekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The {@code settlekit} command: {@code --help} on every command, {@code --version}, the documented exit codes. */
class CommandLineTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theTopLevelHelpListsEveryCommandAndTheExitCodes() throws Exception {
        assertThat(run("--help")).isZero();
        assertThat(printed()).contains("Usage: settlekit").contains("demo").contains("rules").contains("reconcile")
                .contains("Exit codes: 0 done, 1 bad input, 2 usage error");
    }

    @Test
    void everyCommandTakesHelp() throws Exception {
        assertThat(run("demo", "--help")).isZero();
        assertThat(run("rules", "--help")).isZero();
        assertThat(run("reconcile", "--help")).isZero();
        assertThat(printed()).contains("Usage: demo").contains("Usage: rules").contains("--max-line-bytes=N")
                .contains("Usage: reconcile").contains("--format=<format>").contains("--receivables=<receivables>");
    }

    @Test
    void theVersionIsPrinted() throws Exception {
        assertThat(run("--version")).isZero();
        assertThat(printed()).startsWith("settlekit "); // "development" from classes, the project version from the jar
    }

    @Test
    void anUnknownCommandOrNoneIsAUsageError() throws Exception {
        assertThat(run("teleport")).isEqualTo(2);
        assertThat(run()).isEqualTo(2);
        assertThat(run("rules", "--max-line-bytes")).as("an option without its value").isEqualTo(2);
        assertThat(run("reconcile", "--format=sepa", "--file=x", "--receivables=y")).isEqualTo(2);
    }
}
