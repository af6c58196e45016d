package io.settlekit.resilience.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The measured outcome of each fault scenario, one line each, for RESILIENCE.md: every scenario writes
 * {@code target/resilience/faults/<id>.md} and {@code target/resilience/faults.md} is rebuilt from all of
 * them (sorted by id), so a rerun of one test replaces its line instead of appending another.
 */
final class FaultLog {
    private static final Path DIRECTORY = Path.of("target", "resilience", "faults");
    private static final Path SUMMARY = Path.of("target", "resilience", "faults.md");

    private FaultLog() {
    }

    /** Records the line of scenario {@code id} (e.g. {@code "1a-mariadb-kill-snapshot"}). */
    static synchronized void record(String id, String line) {
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(DIRECTORY.resolve(id + ".md"), "- **" + id + "**: " + line.strip() + "\n", StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>();
            lines.add("# Faults: measured outcomes");
            lines.add("");
            try (Stream<Path> files = Files.list(DIRECTORY)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                    lines.add(Files.readString(file, StandardCharsets.UTF_8).strip());
                }
            }
            Files.write(SUMMARY, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + SUMMARY, e);
        }
        System.out.println("fault result " + id + ": " + line);
    }
}
