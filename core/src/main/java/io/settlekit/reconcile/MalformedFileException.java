package io.settlekit.reconcile;

import io.settlekit.base.ErrorCode;
import io.settlekit.base.SettlekitException;
import io.settlekit.internal.Redact;

/**
 * A provider file (a settlement report) is not what its format promises: truncated, a wrong header, a
 * bad number, footer totals that disagree with its rows. Names the file, the line (1-based) and the
 * column; nothing derived from the file is published.
 */
public class MalformedFileException extends SettlekitException {
    private static final long serialVersionUID = 1L;

    private static final int REASON_LIMIT = 300;

    private final String file;
    private final long line;
    private final String column;

    /**
     * @param file   the file's name
     * @param line   the 1-based line number of the offending record (0 when the file as a whole is at fault)
     * @param column the offending column's name, or a record type such as {@code SF} or {@code file}
     * @param reason what is wrong, naming the offending value (card- and account-number-like digit runs in it are masked)
     */
    public MalformedFileException(String file, long line, String column, String reason) {
        this(file, line, column, reason, null);
    }

    /** As {@link #MalformedFileException(String, long, String, String)}, keeping the parser's cause. */
    public MalformedFileException(String file, long line, String column, String reason, Throwable cause) {
        super(ErrorCode.MALFORMED_INPUT, column, file + " line " + line + " column '" + column + "': "
                + bounded(Redact.cardNumbers(reason)), cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /**
     * The reason cut in its middle when it is long (it quotes a value from the file, which may be a
     * megabyte-long field): its start and its end, where the explanation is, are kept.
     */
    private static String bounded(String reason) {
        if (reason == null || reason.length() <= REASON_LIMIT) {
            return reason;
        }
        int head = reason.offsetByCodePoints(0, REASON_LIMIT / 2);
        int tail = reason.offsetByCodePoints(reason.length(), -Math.min(REASON_LIMIT / 2, reason.codePointCount(head, reason.length())));
        return reason.substring(0, head) + "…(" + (tail - head) + " characters)…" + reason.substring(tail);
    }

    /** The offending file's name. */
    public String file() {
        return file;
    }

    /** The 1-based line of the offending record; 0 when the whole file is at fault. */
    public long line() {
        return line;
    }

    /** The offending column (or record type). */
    public String column() {
        return column;
    }
}
