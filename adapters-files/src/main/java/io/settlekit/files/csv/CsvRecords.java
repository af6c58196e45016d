package io.settlekit.files.csv;

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
import java.util.Optional;

/**
 * The records of one CSV settlement file, read as UTF-8 with an optional byte-order mark, streaming.
 * Bytes that are not valid UTF-8 (or UTF-16/32 when a byte-order mark says so) refuse the file with a
 * {@link MalformedFileException} naming the line and the byte offset: they are never replaced by U+FFFD.
 * Records may have any number of fields (the parsers check counts themselves, to name line and column).
 * Unreadable CSV (an unclosed quote, a truncated record) becomes a {@link MalformedFileException}; an
 * I/O failure an {@link InfrastructureException}.
 *
 * <p>Not thread-safe: one reader over one stream; one instance per file, on one thread.
 */
public final class CsvRecords implements AutoCloseable {
    private final String file;
    private final InputStream stream;
    private final CsvReader<CsvRecord> reader;
    private final CloseableIterator<CsvRecord> records;
    private long lastLine;

    private CsvRecords(String file, InputStream stream) throws IOException {
        this.file = file;
        this.stream = stream;
        this.reader = settlementFileReader().ofCsvRecord(StrictText.open(stream));
        this.records = reader.iterator();
    }

    /** Opens {@code input}. */
    public static CsvRecords open(SettlementInput input) {
        InputStream stream = null;
        try {
            stream = input.opener().open();
            return new CsvRecords(input.name(), stream);
        } catch (IOException e) {
            closeQuietly(stream, e);
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
            throw readFailure(file, e.getCause());
        }
    }

    /**
     * How every settlement file is read, by this class and by {@link CsvRows}: decoded by {@link StrictText}
     * (UTF-8, or what a byte-order mark says; bytes that are not text refuse the file), records of any
     * length (the parsers check field counts to name line and column), empty lines skipped.
     */
    static CsvReader.CsvReaderBuilder settlementFileReader() {
        return CsvReader.builder()
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
            return readFailure(file, cause instanceof UncheckedIOException unchecked ? unchecked.getCause() : cause);
        }
        return new MalformedFileException(file, lastLine + 1, "csv", "is not readable CSV: " + e.getMessage(), e);
    }

    /**
     * What an I/O failure while reading {@code file} means: bytes that are not text (the file is malformed,
     * at the line and byte offset named), or a failure of the storage underneath.
     */
    static RuntimeException readFailure(String file, Throwable cause) {
        if (cause instanceof StrictText.Undecodable undecodable) {
            return new MalformedFileException(file, undecodable.line(), "encoding", undecodable.getMessage(), undecodable);
        }
        return new InfrastructureException("reading settlement file " + file, cause);
    }

    static void closeQuietly(InputStream stream, Exception failure) {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException suppressed) {
                failure.addSuppressed(suppressed);
            }
        }
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
