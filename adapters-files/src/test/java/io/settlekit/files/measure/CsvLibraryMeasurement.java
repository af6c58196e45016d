package io.settlekit.files.measure;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The measurement behind the choice of CSV library (docs/decisions.md): generates an STL-shaped file of
 * one million SB rows, then reads every record and touches every field with FastCSV and with Jackson's
 * CSV module, alternately, several rounds, and prints the times. Not a test: run it by hand (command in
 * docs/decisions.md). The formal JMH benchmarks belong to the benchmarks module.
 */
public final class CsvLibraryMeasurement {
    private CsvLibraryMeasurement() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "target/measure-stl-1m.csv");
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        generate(file, rows);
        System.out.printf("file %s: %d rows, %d MB%n", file, rows, Files.size(file) >> 20);
        for (int round = 1; round <= 5; round++) {
            long fast = time(() -> fastCsv(file));
            long jackson = time(() -> jacksonCsv(file));
            System.out.printf("round %d: FastCSV %d ms, Jackson CSV %d ms%n", round, fast, jackson);
        }
    }

    interface Work {
        long run() throws IOException;
    }

    private static long time(Work work) throws IOException {
        long start = System.nanoTime();
        long checksum = work.run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (checksum == 42) {
            System.out.println("(unlikely checksum)");
        }
        return millis;
    }

    static long fastCsv(Path file) throws IOException {
        long chars = 0;
        try (InputStream in = Files.newInputStream(file);
             CsvReader<CsvRecord> reader = CsvReader.builder().detectBomHeader(true).allowExtraFields(true).allowMissingFields(true)
                     .ofCsvRecord(in, StandardCharsets.UTF_8)) {
            for (CsvRecord record : reader) {
                for (int i = 0; i < record.getFieldCount(); i++) {
                    chars += record.getField(i).length();
                }
            }
        }
        return chars;
    }

    static long jacksonCsv(Path file) throws IOException {
        long chars = 0;
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (InputStream in = Files.newInputStream(file);
             MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(in)) {
            while (it.hasNext()) {
                for (String field : it.next()) {
                    chars += field.length();
                }
            }
        }
        return chars;
    }

    static void generate(Path file, int rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("\"CH\",\"Transaction ID\",\"Invoice ID\",\"PayPal Reference ID\",\"PayPal Reference ID Type\",\"Transaction Event Code\","
                    + "\"Transaction Initiation Date\",\"Transaction Completion Date\",\"Transaction Debit or Credit\",\"Gross Transaction Amount\","
                    + "\"Gross Transaction Currency\",\"Fee Debit or Credit\",\"Fee Amount\",\"Fee Currency\",\"Custom Field\",\"Consumer ID\","
                    + "\"Payment Tracking ID\",\"Store ID\",\"Bank Reference ID\",\"Credit Transactional Fee\",\"Credit Promotional Fee\",\"Credit Term\"\n");
            for (int i = 0; i < rows; i++) {
                out.write("\"SB\",\"SYNTX" + (100000000000L + i) + "\",\"ORD-" + (1000000 + i) + "\",\"\",\"\",\"T0006\","
                        + "2025/03/14 00:14:22 -0700,2025/03/14 00:14:22 -0700,\"CR\"," + (1000 + i % 9000) + ",\"USD\",\"DR\",363,\"USD\","
                        + "\"cart-" + i + "\",\"SYNPAYER" + i + "\",\"\",\"\",\"\",,,\n");
            }
        }
    }
}
