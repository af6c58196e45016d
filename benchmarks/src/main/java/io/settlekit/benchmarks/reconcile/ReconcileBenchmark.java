package io.settlekit.benchmarks.reconcile;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.settlekit.formats.json.ReceivableJsonLines;
import io.settlekit.files.paypal.PaypalStlParser;
import io.settlekit.reconcile.Channel;
import io.settlekit.reconcile.ReceivableIndex;
import io.settlekit.reconcile.Reconciler;
import io.settlekit.reconcile.ReportKey;
import io.settlekit.reconcile.SettlementInput;
import io.settlekit.testkit.reconcile.GeneratedStl;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Reconciliation: a generated PayPal STL file of {@code lines} rows parsed and reconciled against matching
 * receivables (held in memory in the reconciler's compact index, as the SDK allows; the index is built once
 * and reopened for every operation). Baseline: FastCSV parsing the same file and doing
 * nothing with the records. Run with {@code -Xmx256m}: the 1,000,000-line file must fit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReconcileBenchmark {

    /** Rows of the generated file. */
    @Param({"10000", "100000", "1000000"})
    public int lines;

    private Path directory;
    private Path stl;
    private ReceivableIndex receivables;

    /** Writes the file and loads its receivables. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        directory = Files.createTempDirectory("settlekit-bench-stl");
        stl = directory.resolve("STL-20250314.01.009.CSV");
        Path expected = directory.resolve("receivables.jsonl");
        GeneratedStl.write(stl, expected, lines, 1);
        ReceivableIndex.Builder index = ReceivableIndex.builder();
        try (BufferedReader in = Files.newBufferedReader(expected, StandardCharsets.UTF_8)) {
            new ReceivableJsonLines().read(expected.toString(), in, index);
        }
        receivables = index.build();
        Files.delete(expected);
    }

    /** Removes the file. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(stl);
        Files.deleteIfExists(directory);
    }

    /**
     * The bare cost: the CSV library reads every record through its ordinary API (a {@code String} per
     * field, as any user of it gets) and nothing else is done but touching every field, so that no field's
     * work can be dropped by the JIT.
     */
    @Benchmark
    public long baseline() throws IOException {
        long characters = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().allowExtraFields(true).allowMissingFields(true).ofCsvRecord(stl)) {
            for (CsvRecord record : reader) {
                for (int i = 0; i < record.getFieldCount(); i++) {
                    characters += record.getField(i).length();
                }
            }
        }
        return characters;
    }

    /** Settlekit: the STL parser streaming lines into the reconciler, items counted by category. */
    @Benchmark
    public long settlekit() {
        LongAdder items = new LongAdder();
        Reconciler reconciler = new Reconciler(new ReportKey(Channel.PAYPAL, "app", LocalDate.of(2025, 3, 14)),
                receivables.reopened(), item -> items.increment());
        new PaypalStlParser().parse(List.of(new SettlementInput(stl.getFileName().toString(), () -> Files.newInputStream(stl))),
                reconciler::accept);
        reconciler.finish(List.of(stl.getFileName().toString()));
        return items.sum();
    }
}
