package io.settlekit.benchmarks.calendar;

import io.settlekit.benchmarks.harness.BenchmarkPath;
import io.settlekit.benchmarks.harness.JmhPaths;
import io.settlekit.benchmarks.harness.RunMode;
import io.settlekit.benchmarks.harness.Measurement;
import io.settlekit.benchmarks.harness.PathResult;
import io.settlekit.benchmarks.harness.Verdict;

import java.util.List;
import java.util.Locale;

/** Calendar: ≤ 20× one plusMonths call; cost flat in distance from the anchor (100 y within 1.5× of 1 y). */
public final class CalendarPath implements BenchmarkPath {

    @Override
    public String id() {
        return "calendar";
    }

    @Override
    public String title() {
        return "settlement calendar";
    }

    @Override
    public String work() {
        return "period + settle date of a random date over a 3-plan history (monthly, weekly, custom), dates 1, 10 and 100 years from the anchor";
    }

    @Override
    public String baseline() {
        return "one LocalDate.plusMonths call";
    }

    @Override
    public String peer() {
        return "a naive calendar stepping period by period from the anchor";
    }

    @Override
    public boolean scalable() {
        return true;
    }

    @Override
    public PathResult run(RunMode mode) throws Exception {
        List<Measurement> m = JmhPaths.run(CalendarBenchmark.class, mode);
        Measurement oneYear = JmhPaths.find(m, "settlekit", "years=1");
        Measurement hundredYears = JmhPaths.find(m, "settlekit", "years=100");
        double worst = 0;
        for (String years : List.of("years=1", "years=10", "years=100")) {
            worst = Math.max(worst, JmhPaths.find(m, "settlekit", years).costRelativeTo(JmhPaths.find(m, "baseline", years)));
        }
        double flat = hundredYears.costRelativeTo(oneYear);
        double naiveGrowth = JmhPaths.find(m, "peerNaiveStepping", "years=100").costRelativeTo(JmhPaths.find(m, "peerNaiveStepping", "years=1"));
        return new PathResult(this, m, List.of(
                new Verdict("≤ 20× baseline (worst distance)", String.format(Locale.ROOT, "%.1f×", worst), worst <= 20),
                new Verdict("100 years within 1.5× of 1 year", String.format(Locale.ROOT, "%.2f×", flat), flat <= 1.5)),
                List.of(String.format(Locale.ROOT, "The naive stepping peer costs %.0f× more at 100 years than at 1 year; "
                        + "Settlekit computes each period from its anchor, so its cost does not depend on the distance.", naiveGrowth)));
    }
}
