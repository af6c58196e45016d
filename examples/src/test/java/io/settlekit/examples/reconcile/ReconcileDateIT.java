package io.settlekit.examples.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reconcile --date} through the packaged jar: a date that is not the file's own is bad input (exit 1,
 * only the error on standard output), a date that is not a date a usage error (exit 2, nothing on
 * standard output), as the README says.
 */
class ReconcileDateIT {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Path sample(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/io/settlekit/examples/samples/" + name)) {
            Path file = dir.resolve(name);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
    }

    private Run run(String... args) throws Exception {
        Path jar = Path.of("target", "settlekit.jar");
        assertThat(jar).as("the shaded jar, built by mvn package").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "reconcile"));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("finished in time").isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void aFileOfAnotherDayExitsOneAndABadDateExitsTwo() throws Exception {
        String stl = sample("STL-20250314.01.009.CSV").toString();
        String receivables = sample("receivables-paypal-20250314.jsonl").toString();

        Run otherDay = run("--format", "paypal-stl", "--file", stl, "--receivables", receivables, "--date", "2024-01-01");
        assertThat(otherDay.exit()).isEqualTo(1);
        assertThat(otherDay.out().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("{\"error\":{\"code\":\"invalid_value\",\"field\":\"date\"").contains("2025-03-14"));

        Run notADate = run("--format", "paypal-stl", "--file", stl, "--receivables", receivables, "--date", "2025-02-30");
        assertThat(notADate.exit()).isEqualTo(2);
        assertThat(notADate.out()).isEmpty();
        assertThat(notADate.err()).contains("2025-02-30").contains("usage: settlekit reconcile");

        Run sameDay = run("--format", "paypal-stl", "--file", stl, "--receivables", receivables, "--date", "2025-03-14");
        assertThat(sameDay.exit()).isZero();
        assertThat(sameDay.out().lines()).hasSize(22).last().satisfies(line -> assertThat(line).startsWith("{\"summary\":"));
    }
}
