package io.settlekit.examples.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.settlekit.testkit.reconcile.GeneratedStl;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A generated STL file of 1,000,000 lines reconciles through the packaged command with the JVM capped at
 * {@code -Xmx256m}: the lines stream, only the receivables (here 142,858) are held. Runs the shaded jar
 * that {@code mvn package} builds before Failsafe runs.
 */
class ReconcileMillionLinesIT {
    private static final int ROWS = 1_000_000;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aMillionLineFileReconcilesIn256Megabytes() throws Exception {
        Path jar = Path.of("target", "settlekit.jar");
        assertThat(jar).as("the shaded jar, built by mvn package").exists();
        Path dir = Files.createDirectories(Path.of("target", "million"));
        Path stl = dir.resolve("STL-20250314.01.009.CSV");
        Path receivables = dir.resolve("receivables.jsonl");
        GeneratedStl.Generated generated = GeneratedStl.write(stl, receivables, ROWS, 7);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString(),
                "reconcile", "--format", "paypal-stl", "--file", stl.toString(), "--receivables", receivables.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        long started = System.nanoTime();
        long lines = 0;
        String last = "";
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines++;
                last = line;
            }
        }
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished in time").isTrue();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        System.out.printf("reconciled %d lines against %d receivables with -Xmx256m in %d s%n", ROWS, generated.receivables(), seconds);

        assertThat(process.exitValue()).as("exit code (an OutOfMemoryError exits with 3)").isZero();
        JsonNode summary = new ObjectMapper().readTree(last).get("summary");
        assertThat(summary.get("lines").asLong()).isEqualTo(ROWS);
        assertThat(summary.get("receivables").asLong()).isEqualTo(generated.receivables());
        long items = 0;
        for (JsonNode count : summary.get("counts")) {
            items += count.asLong();
        }
        assertThat(lines).isEqualTo(items + 1);
        assertThat(summary.get("counts").get("amount_mismatch").asLong()).isEqualTo(generated.amountMismatches());
        assertThat(summary.get("counts").get("matched").asLong()).isEqualTo(generated.receivables() - generated.amountMismatches());
        Files.delete(stl);
        Files.delete(receivables);
    }
}
