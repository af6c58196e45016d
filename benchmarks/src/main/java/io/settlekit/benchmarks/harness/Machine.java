package io.settlekit.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** What machine the figures were measured on, read from the JVM and /proc. */
public final class Machine {
    private Machine() {
    }

    /** A one-line description: CPU model, cores, memory, OS, JVM. */
    public static String describe() {
        String cpu = firstLine(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
        String memory = firstLine(Path.of("/proc/meminfo"), "MemTotal").map(String::strip).orElse("unknown memory");
        return String.format("%s, %d cores visible to the JVM, %s, %s %s, Java %s (%s)",
                cpu, Runtime.getRuntime().availableProcessors(), memory,
                System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"));
    }

    private static Optional<String> firstLine(Path file, String key) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
