package io.settlekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The packaged {@code settlekit demo}, as the README's first command runs it: its sections are not cut by
 * the SDK's log lines (before: a WARN per embedded kit and an INFO per job run, 28 lines, on the console).
 */
class DemoCommandIT {

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void theDemoPrintsItsSectionsWithoutLogLines() throws Exception {
        Path jar = Path.of("target", "settlekit.jar");
        assertThat(jar).as("the shaded jar, built by mvn package").exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-jar", jar.toString(), "demo")).redirectErrorStream(true).start();
        String console = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(console).contains("== Money: fee types and station rates").contains("== Settlement: plans");
        assertThat(console.lines().filter(line -> line.startsWith("[main]") || line.contains(" WARN ") || line.contains(" INFO io.settlekit")))
                .as("log lines on the demo's console").isEmpty();
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void theJarPrintsItsVersion() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-jar", Path.of("target", "settlekit.jar").toString(), "--version"))
                .redirectErrorStream(true).start();
        String console = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(console.strip()).matches("settlekit \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }
}
