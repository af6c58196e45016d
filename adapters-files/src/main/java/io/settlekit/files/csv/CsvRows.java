package io.settlekit.files.csv;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import io.settlekit.base.InfrastructureException;
import io.settlekit.reconcile.MalformedFileException;
import io.settlekit.reconcile.SettlementInput;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The records of one CSV settlement file as one reused {@link CsvRow}, for parsers of large files: read
 * as {@link CsvRecords} reads them (UTF-8 decoded strictly, optional byte-order mark, empty lines skipped,
 * any number of fields, the same typed errors), without a {@code String} per field or an object per record.
 *
 * <p>Not thread-safe: one reader over one stream, reusing one row; one instance per file, on one thread.
 */
public final class CsvRows implements AutoCloseable {
    private final String file;
    private final InputStream stream;
    private final CsvReader<CsvRow> reader;
    private final CloseableIterator<CsvRow> records;
    private CsvRow row;
    private long lastLine;

    private CsvRows(String file, InputStream stream) throws IOException {
        this.file = file;
        this.stream = stream;
        this.reader = CsvRecords.settlementFileReader().build(new CsvRow.Handler(), StrictText.open(stream));
        this.records = reader.iterator();
    }

    /** Opens {@code input}. */
    public static CsvRows open(SettlementInput input) {
        InputStream stream = null;
        try {
            stream = input.opener().open();
            return new CsvRows(input.name(), stream);
        } catch (IOException e) {
            CsvRecords.closeQuietly(stream, e);
            throw new InfrastructureException("opening settlement file " + input.name(), e);
        }
    }

    /** Moves to the next record; false at the end of the file. The {@link #row()} then holds that record. */
    public boolean advance() {
        try {
            if (!records.hasNext()) {
                return false;
            }
            row = records.next();
            lastLine = row.line();
            return true;
        } catch (CsvParseException e) {
            throw CsvRecords.unreadable(file, lastLine, e);
        } catch (UncheckedIOException e) {
            throw CsvRecords.readFailure(file, e.getCause());
        }
    }

    /** The current record (after {@link #advance()} returned true); reused by the next {@code advance}. */
    public CsvRow row() {
        if (row == null) {
            throw new IllegalStateException("no record read yet from " + file);
        }
        return row;
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
}
