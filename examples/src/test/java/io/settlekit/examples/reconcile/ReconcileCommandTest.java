package io.settlekit.examples.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code reconcile} command on the sample files: JSON lines out, errors as values, nothing partial. */
class ReconcileCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Path sample(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/io/settlekit/examples/samples/" + name)) {
            Path file = dir.resolve(name);
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
    }

    private int run(String... args) {
        return new ReconcileCommand(out, new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String[] lines() {
        return out.toString(StandardCharsets.UTF_8).split("\n");
    }

    @Test
    void printsOneLinePerItemThenTheSummary() throws IOException {
        int exit = run("--format", "paypal-stl", "--file", sample("STL-20250314.01.009.CSV").toString(),
                "--receivables", sample("receivables-paypal-20250314.jsonl").toString());

        assertThat(exit).isZero();
        String[] lines = lines();
        assertThat(lines).hasSize(21 + 1);
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.readTree(lines[0]).get("category").asText()).isEqualTo("matched");
        JsonNode summary = mapper.readTree(lines[21]).get("summary");
        assertThat(summary.get("date").asText()).isEqualTo("2025-03-14"); // from the file name
        assertThat(summary.get("counts").get("matched").asInt()).isEqualTo(13);
        assertThat(summary.get("counts").get("amount_mismatch").asInt()).isEqualTo(1);
    }

    @Test
    void readsAfterpayWithRegionOptions() throws IOException {
        int exit = run("--format", "afterpay", "--file", sample("afterpay-settlement-20250314-AU-synthetic.csv").toString(),
                "--receivables", sample("receivables-afterpay-20250314.jsonl").toString(), "--date", "2025-03-14",
                "--site", "au-cupshe", "--currency", "AUD", "--date-format", "dd/MM/yyyy", "--zone", "Australia/Sydney");

        assertThat(exit).isZero();
        JsonNode summary = new ObjectMapper().readTree(lines()[lines().length - 1]).get("summary");
        assertThat(summary.get("site").asText()).isEqualTo("au-cupshe");
        assertThat(summary.get("lines").asInt()).isEqualTo(20);
        assertThat(summary.get("counts").get("amount_mismatch").asInt()).isEqualTo(1);
    }

    @Test
    void aMalformedFilePrintsOnlyTheErrorNamingFileLineAndColumn() throws IOException {
        Path stl = sample("STL-20250314.01.009.CSV");
        String text = Files.readString(stl).replace("\"SF\",\"USD\",61214", "\"SF\",\"USD\",61215");
        Path broken = dir.resolve("STL-20250314.02.009.CSV");
        Files.writeString(broken, text);

        int exit = run("--format", "paypal-stl", "--file", broken.toString(), "--receivables", sample("receivables-paypal-20250314.jsonl").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("{\"error\":{\"code\":\"malformed_input\",\"field\":\"SF.total gross credits\"")
                .contains("STL-20250314.02.009.CSV line 25"));
    }

    private static java.util.Set<String> stagedReports() throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".settlekit-report-"))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    @Test
    void totalsThatOverflowAfterSomeItemsPrintOnlyTheErrorAndLeaveNoStagedFile() throws IOException {
        // lines 9 and 10 settle 50,000,000,000,000,000.00 AUD each: the gross total overflows 64 bits at line 10,
        // after the items of lines 2 to 9 were decided (and, before the fix, printed)
        String text = Files.readString(sample("afterpay-settlement-20250314-AU-synthetic.csv"))
                .replace("\"$64.50\",\"$64.50\",\"$4.17\",\"$0.42\",\"$4.59\",\"$59.91\"",
                        "\"$64.50\",\"$50,000,000,000,000,000.00\",\"$0.00\",\"$0.00\",\"$0.00\",\"$50,000,000,000,000,000.00\"")
                .replace("\"$310.00\",\"$310.00\",\"$18.90\",\"$1.89\",\"$20.79\",\"$289.21\"",
                        "\"$310.00\",\"$50,000,000,000,000,000.00\",\"$0.00\",\"$0.00\",\"$0.00\",\"$50,000,000,000,000,000.00\"");
        Path file = dir.resolve("afterpay-settlement-20250314-AU-overflow.csv");
        Files.writeString(file, text);
        java.util.Set<String> before = stagedReports();

        int exit = run("--format", "afterpay", "--file", file.toString(), "--receivables", sample("receivables-afterpay-20250314.jsonl").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(lines()).singleElement().satisfies(line -> assertThat(line).startsWith("{\"error\":{\"code\":\"arithmetic_overflow\""));
        assertThat(stagedReports()).isEqualTo(before);
    }

    @Test
    void aDateThatIsNotTheFilesOwnIsRefusedWithExitOne() throws IOException {
        Path stl = sample("STL-20250314.01.009.CSV");
        String receivables = sample("receivables-paypal-20250314.jsonl").toString();

        assertThat(run("--format", "paypal-stl", "--file", stl.toString(), "--receivables", receivables, "--date", "2024-01-01")).isEqualTo(1);
        assertThat(lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("{\"error\":{\"code\":\"invalid_value\",\"field\":\"date\"").contains("2024-01-01").contains("2025-03-14"));

        // the date taken from a file name that lies is checked the same way
        out.reset();
        Path renamed = Files.copy(stl, dir.resolve("STL-20240101.01.009.CSV"));
        assertThat(run("--format", "paypal-stl", "--file", renamed.toString(), "--receivables", receivables)).isEqualTo(1);
        assertThat(lines()).singleElement().satisfies(line -> assertThat(line).contains("\"field\":\"date\"").contains("2025-03-14"));

        out.reset();
        Path afterpay = sample("afterpay-settlement-20250314-AU-synthetic.csv");
        assertThat(run("--format", "afterpay", "--file", afterpay.toString(), "--receivables",
                sample("receivables-afterpay-20250314.jsonl").toString(), "--date", "2025-03-15")).isEqualTo(1);
        assertThat(lines()).singleElement().satisfies(line -> assertThat(line).contains("\"field\":\"date\"").contains("2025-03-14"));

        out.reset();
        assertThat(run("--format", "paypal-stl", "--file", stl.toString(), "--receivables", receivables, "--date", "2025-03-14")).isZero();
        assertThat(lines()).hasSize(22);
    }

    @Test
    void aDateThatIsNotADateIsAUsageErrorWithExitTwo() throws IOException {
        String stl = sample("STL-20250314.01.009.CSV").toString();
        String receivables = sample("receivables-paypal-20250314.jsonl").toString();
        for (String bad : new String[] {"2025-02-30", "14/03/2025", "20250314", "tomorrow", "2025-3-14"}) {
            err.reset();
            assertThat(run("--format", "paypal-stl", "--file", stl, "--receivables", receivables, "--date", bad)).as(bad).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).as(bad).contains("--date").contains(bad).contains("usage: settlekit reconcile");
        }
        assertThat(out.size()).isZero();
    }

    @Test
    void invalidUtf8BytesInTheFileArePrintedOnlyAsAnErrorNamingLineAndByteOffset() throws IOException {
        byte[] bytes = Files.readAllBytes(sample("STL-20250314.01.009.CSV"));
        String text = new String(bytes, StandardCharsets.UTF_8);
        int offset = text.substring(0, text.indexOf("SYNTX000000000103") + 16).getBytes(StandardCharsets.UTF_8).length;
        bytes[offset] = (byte) 0xFF; // SYNTX00000000010 + 0xFF: was read as U+FFFD
        Path file = dir.resolve("STL-20250314.03.009.CSV");
        Files.write(file, bytes);

        int exit = run("--format", "paypal-stl", "--file", file.toString(), "--receivables", sample("receivables-paypal-20250314.jsonl").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("{\"error\":{\"code\":\"malformed_input\",\"field\":\"encoding\"")
                .contains("STL-20250314.03.009.CSV line 7").contains("byte offset " + offset + " "));
    }

    @Test
    void aBadReceivableOrOptionIsAnErrorAndUsageMistakesExitTwo() throws IOException {
        Path receivables = dir.resolve("bad.jsonl");
        Files.writeString(receivables, "{\"reference\":\"A\",\"direction\":\"forward\",\"amount\":{\"fee\":1},\"time\":\"now\"}\n");
        assertThat(run("--format", "paypal-stl", "--file", sample("STL-20250314.01.009.CSV").toString(), "--receivables", receivables.toString()))
                .isEqualTo(1);
        assertThat(lines()[0]).contains("\"field\":\"time\"").contains("bad.jsonl line 1");

        out.reset();
        assertThat(run("--format", "paypal-stl", "--file", dir.resolve("none.csv").toString(), "--receivables", receivables.toString()))
                .isEqualTo(1);
        assertThat(lines()[0]).contains("\"field\":\"file\"");

        out.reset();
        Path undated = Files.copy(sample("STL-20250314.01.009.CSV"), dir.resolve("report.csv"));
        assertThat(run("--format", "paypal-stl", "--file", undated.toString(), "--receivables", receivables.toString())).isEqualTo(1);
        assertThat(lines()[0]).contains("\"code\":\"missing_field\",\"field\":\"date\"");

        assertThat(run("--format", "sepa", "--file", "x", "--receivables", "y")).isEqualTo(2);
        assertThat(run("--file", "x")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: settlekit reconcile");
    }
}
