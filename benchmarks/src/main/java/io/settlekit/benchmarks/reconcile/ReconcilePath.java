package io.settlekit.benchmarks.reconcile;

import io.settlekit.benchmarks.BenchmarkPath;
import io.settlekit.benchmarks.JmhPaths;
import io.settlekit.benchmarks.RunMode;
import io.settlekit.benchmarks.report.Measurement;
import io.settlekit.benchmarks.report.PathResult;
import io.settlekit.benchmarks.report.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reconciliation: ≤ 2× the CSV library's bare parse at every size; the 1M-line file within a 256 MB heap. */
public final class ReconcilePath implements BenchmarkPath {
    private static final String HEAP = "-Xmx256m";

    @Override
    public String id() {
        return "reconcile";
    }

    @Override
    public String title() {
        return "settlement-file reconciliation";
    }

    @Override
    public String work() {
        return "PayPal STL files of 10k, 100k and 1M lines parsed and reconciled against matching receivables, JVM at " + HEAP;
    }

    @Override
    public String baseline() {
        return "FastCSV (the CSV library the parser uses) reading the same file and doing nothing";
    }

    @Override
    public String peer() {
        return "—";
    }

    @Override
    public boolean scalable() {
        return true;
    }

    @Override
    public PathResult run(RunMode mode) throws Exception {
        List<Measurement> m = JmhPaths.run(ReconcileBenchmark.class, mode, HEAP);
        List<Verdict> verdicts = new ArrayList<>();
        for (String lines : List.of("lines=10000", "lines=100000", "lines=1000000")) {
            double cost = JmhPaths.find(m, "settlekit", lines).costRelativeTo(JmhPaths.find(m, "baseline", lines));
            verdicts.add(new Verdict("≤ 2× baseline at " + lines, String.format(Locale.ROOT, "%.2f×", cost), cost <= 2));
        }
        verdicts.add(new Verdict("heap ≤ 256 MB at 1M lines", "ran with " + HEAP + " (receivables of the day in memory)", true));
        return new PathResult(this, m, verdicts, List.of());
    }
}
