package io.settlekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The packaged {@code settlekit rules} command in a JVM of 64 MiB fed raw bytes: a 96 MiB line, a line
 * that is not UTF-8 and good lines. Before: the huge line ended the process with OutOfMemoryError (exit
 * 3) and no later line was answered.
 */
class RulesCommandBytesIT {
    private static final long HUGE = 96L * 1024 * 1024;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aHugeLineAndBadBytesAreAnsweredAndTheBatchGoesOn() throws Exception {
        Path jar = Path.of("target", "settlekit.jar");
        assertThat(jar).as("the shaded jar, built by mvn package").exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString(), "rules"))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        ByteArrayOutputStream answers = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try (InputStream out = process.getInputStream()) {
                out.transferTo(answers);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        reader.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write("{\"op\":\"total\",\"amounts\":[{\"fee\":1,\"fee_type\":\"CNY\"}]}\n".getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1 << 20];
            Arrays.fill(block, (byte) 'x');
            for (long written = 0; written < HUGE; written += block.length) {
                in.write(block);
            }
            in.write('\n');
            in.write(new byte[] {'{', '"', 'o', 'p', '"', ':', '"', (byte) 0xC3, '"', '}', '\n'});
            in.write("{\"op\":\"total\",\"amounts\":[{\"fee\":2,\"fee_type\":\"HKD\"}]}\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("finished in time").isTrue();
        reader.join();

        assertThat(process.exitValue()).as("exit code (an OutOfMemoryError exits with 3)").isZero();
        assertThat(answers.toString(StandardCharsets.UTF_8).split("\n")).containsExactly(
                "{\"totals\":{\"CNY\":1}}",
                "{\"error\":{\"code\":\"invalid_value\",\"field\":\"request\",\"message\":\"request: line 2 is " + HUGE
                        + " bytes, longer than the limit of 1048576 (--max-line-bytes)\"}}",
                "{\"error\":{\"code\":\"malformed_input\",\"field\":\"request\",\"message\":\"request: line 3 is not UTF-8: bad byte at offset 7\"}}",
                "{\"totals\":{\"HKD\":2}}");
    }
}
