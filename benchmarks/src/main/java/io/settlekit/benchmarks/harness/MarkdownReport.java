package io.settlekit.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Writes each path's section to {@code docs/benchmarks/<id>.md} and assembles {@code BENCHMARKS.md} from
 * every section present, so that one path can be re-measured without re-running the others; each section
 * carries its own machine, date and command.
 */
public final class MarkdownReport {
    private final Path root;

    /** A report rooted at the repository folder {@code root}. */
    public MarkdownReport(Path root) {
        this.root = root;
    }

    /** The folder of sections and charts. */
    public Path sectionsDirectory() throws IOException {
        return Files.createDirectories(root.resolve("docs").resolve("benchmarks"));
    }

    /** Writes one path's section. */
    public void writeSection(PathResult result, String machine, String date, String command, boolean hasChart) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(result.path().title()).append("\n\n");
        md.append("- work: ").append(result.path().work()).append('\n');
        md.append("- baseline: ").append(result.path().baseline()).append('\n');
        md.append("- peer: ").append(result.path().peer()).append('\n');
        md.append("- measured: ").append(date).append(" on ").append(machine).append('\n');
        md.append("- command: `").append(command).append("`\n\n");
        md.append("| variant | parameter | score | ± error | unit | vs baseline |\n| --- | --- | ---: | ---: | --- | ---: |\n");
        for (Measurement m : result.measurements()) {
            // a row of another metric ("settlekit·cpu") compares with the baseline's row of that metric ("baseline·cpu")
            int metric = m.variant().indexOf('·');
            String baseline = "baseline" + (metric < 0 ? "" : m.variant().substring(metric));
            String ratio = result.measurements().stream()
                    .filter(b -> b.variant().equals(baseline) && b.param().equals(m.param()))
                    .findFirst()
                    .map(b -> String.format(Locale.ROOT, "%.2f× %s", m.costRelativeTo(b), m.higherIsBetter() ? "(cost)" : ""))
                    .orElse("—");
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", m.variant(),
                    m.param().isEmpty() ? "—" : m.param(), figure(m.score()),
                    Double.isNaN(m.error()) ? "—" : figure(m.error()), m.unit(), ratio.strip()));
        }
        md.append("\n| target | measured | met |\n| --- | --- | --- |\n");
        for (Verdict v : result.verdicts()) {
            md.append("| ").append(v.target()).append(" | ").append(v.measured()).append(" | ")
                    .append(v.met() ? "yes" : "**no**").append(" |\n");
        }
        for (String note : result.notes()) {
            md.append("\n").append(note).append('\n');
        }
        if (hasChart) {
            md.append("\n![").append(result.path().title()).append(": cost against input size](docs/benchmarks/")
                    .append(result.path().id()).append(".png)\n");
        }
        Files.writeString(sectionsDirectory().resolve(result.path().id() + ".md"), md.toString(), StandardCharsets.UTF_8);
    }

    /** Assembles {@code BENCHMARKS.md} from the sections of {@code order} that exist. */
    public Path assemble(List<String> order, String command) throws IOException {
        StringBuilder md = new StringBuilder("# Benchmarks\n\n");
        md.append("Every hot path is measured beside its baseline (the same work done bare) and, where one exists, its peer, ")
                .append("in the same run; ratios compare figures of the same run. Reproduce everything with:\n\n```sh\n")
                .append(command).append("\n```\n\n")
                .append("(`--full` for longer runs, `--only <ids>` to re-measure some paths; ids: ")
                .append(String.join(", ", order)).append(".) Each section states its machine and date.\n\n");
        md.append("\"vs baseline\" is the cost relative to the baseline of the same parameter: 2.00× means twice the time ")
                .append("(for throughput rows, half the throughput).\n\n");
        for (String id : order) {
            Path section = sectionsDirectory().resolve(id + ".md");
            if (Files.exists(section)) {
                md.append(Files.readString(section, StandardCharsets.UTF_8)).append('\n');
            } else {
                md.append("## ").append(id).append("\n\nNot measured yet.\n\n");
            }
        }
        Path file = root.resolve("BENCHMARKS.md");
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static String figure(double value) {
        if (value == 0) {
            return "0";
        }
        double abs = Math.abs(value);
        return abs >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : abs >= 1 ? String.format(Locale.ROOT, "%.3f", value)
                : String.format(Locale.ROOT, "%.4g", value);
    }

    /** Lists the section ids present, for callers that assemble without an explicit order. */
    public List<String> existingSections() throws IOException {
        try (Stream<Path> files = Files.list(sectionsDirectory())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
        }
    }
}
