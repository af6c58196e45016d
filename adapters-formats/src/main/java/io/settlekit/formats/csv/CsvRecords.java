package io.settlekit.formats.csv;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.settlekit.base.InfrastructureException;
import io.settlekit.reconcile.MalformedFileException;
import io.settlekit.reconcile.SettlementInput;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The records of one CSV settlement file, read as UTF-8 with an optional byte-order mark, streaming.
 * Records may have any number of fields (the parsers check counts themselves, to name line and column).
 * Unreadable CSV (an unclosed quote, a truncated record) becomes a {@link MalformedFileException}; an
 * I/O failure an {@link InfrastructureException}.
 */
public final class CsvRecords implements AutoCloseable {
    private final String file;
    private final InputStream stream;
    private final CsvReader<CsvRecord> reader;
    private final CloseableIterator<CsvRecord> records;
    private long lastLine;

    private CsvRecords(String file, InputStream stream) {
        this.file = file;
        this.stream = stream;
        this.reader = settlementFileReader().ofCsvRecord(stream, StandardCharsets.UTF_8);
        this.records = reader.iterator();
    }

    /** Opens {@code input}. */
    public static CsvRecords open(SettlementInput input) {
        try {
            return new CsvRecords(input.name(), input.opener().open());
        } catch (IOException e) {
            throw new InfrastructureException("opening settlement file " + input.name(), e);
        }
    }

    /** The next record, or empty at the end of the file. */
    public Optional<CsvRecord> next() {
        try {
            if (!records.hasNext()) {
                return Optional.empty();
            }
            CsvRecord record = records.next();
            lastLine = record.getStartingLineNumber();
            return Optional.of(record);
        } catch (CsvParseException e) {
            throw unreadable(file, lastLine, e);
        } catch (UncheckedIOException e) {
            throw new InfrastructureException("reading settlement file " + file, e.getCause());
        }
    }

    /**
     * How every settlement file is read, by this class and by {@link CsvRows}: an optional byte-order mark,
     * records of any length (the parsers check field counts to name line and column), empty lines skipped.
     */
    static CsvReader.CsvReaderBuilder settlementFileReader() {
        return CsvReader.builder()
                .detectBomHeader(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .skipEmptyLines(true);
    }

    /**
     * What a FastCSV parse failure after line {@code lastLine} means: an I/O failure underneath, or CSV that
     * cannot be read (an unclosed quote, a truncated record, a limit exceeded).
     */
    static RuntimeException unreadable(String file, long lastLine, CsvParseException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UncheckedIOException || cause instanceof IOException) {
            return new InfrastructureException("reading settlement file " + file, cause);
        }
        return new MalformedFileException(file, lastLine + 1, "csv", "is not readable CSV: " + e.getMessage(), e);
    }

    /** The file's name. */
    public String file() {
        return file;
    }

    @Override
    public void close() {
        try {
            reader.close();
            stream.close();
        } catch (IOException e) {
            throw new InfrastructureException("closing settlement file " + file, e);
        }
    }

    /** Lower-cases nothing, but collapses runs of white space and strips the ends: header names as compared. */
    public static String normaliseName(String name) {
        return name.strip().replaceAll("\\s+", " ");
    }
}
