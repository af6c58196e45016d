package io.settlekit.benchmarks;

import io.settlekit.benchmarks.harness.BenchmarkPath;
import io.settlekit.benchmarks.harness.RunMode;
import io.settlekit.benchmarks.harness.Charts;
import io.settlekit.benchmarks.harness.Machine;
import io.settlekit.benchmarks.harness.MarkdownReport;
import io.settlekit.benchmarks.harness.PathResult;
import io.settlekit.benchmarks.harness.Verdict;
import io.settlekit.benchmarks.calendar.CalendarPath;
import io.settlekit.benchmarks.reconcile.ReconcilePath;
import io.settlekit.benchmarks.refresh.RefreshPath;
import io.settlekit.benchmarks.reminders.RemindersPath;
import io.settlekit.benchmarks.snapshot.SnapshotPath;
import io.settlekit.benchmarks.totals.TotalsPath;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the benchmark paths and writes {@code BENCHMARKS.md} (plus one section and, for scalable paths, one
 * chart per path under {@code docs/benchmarks/}).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar [--quick | --full] [--only totals,calendar,…] [--root DIR]
 * </pre>
 * Run it from the repository root (or pass {@code --root}).
 */
public final class BenchmarkMain {
    /** The documented command that reproduces BENCHMARKS.md. */
    public static final String COMMAND =
            "mvn -q -DskipTests package -pl benchmarks -am && java -jar benchmarks/target/benchmarks.jar --quick";

    private BenchmarkMain() {
    }

    /** Every path, in report order. */
    static List<BenchmarkPath> paths() {
        return List.of(new TotalsPath(), new CalendarPath(), new ReconcilePath(), new RefreshPath(), new SnapshotPath(), new RemindersPath());
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        RunMode mode = RunMode.QUICK;
        String modeFlag = "--quick";
        Set<String> only = new HashSet<>();
        Path root = Path.of(".");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> {
                    mode = RunMode.QUICK;
                    modeFlag = "--quick";
                }
                case "--full" -> {
                    mode = RunMode.FULL;
                    modeFlag = "--full";
                }
                case "--only" -> only.addAll(Arrays.asList(args[++i].split(",")));
                case "--root" -> root = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: benchmarks [--quick|--full] [--only id,…] [--root DIR]");
                    System.exit(2);
                }
            }
        }
        MarkdownReport report = new MarkdownReport(root);
        String machine = Machine.describe();
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        String command = COMMAND.replace("--quick", modeFlag) + (only.isEmpty() ? "" : " --only " + String.join(",", only));
        List<BenchmarkPath> paths = paths();
        for (BenchmarkPath path : paths) {
            if (!only.isEmpty() && !only.contains(path.id())) {
                continue;
            }
            System.out.println("== " + path.title());
            PathResult result = path.run(mode);
            boolean chart = path.scalable();
            if (chart) {
                Charts.costAgainstSize(result, report.sectionsDirectory());
            }
            report.writeSection(result, machine, date, command, chart);
            for (Verdict verdict : result.verdicts()) {
                System.out.printf("   %-45s %-12s %s%n", verdict.target(), verdict.measured(), verdict.met() ? "met" : "NOT MET");
            }
        }
        Path written = report.assemble(paths.stream().map(BenchmarkPath::id).toList(), COMMAND);
        System.out.println("wrote " + written.toAbsolutePath().normalize());
    }
}
