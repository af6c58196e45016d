package io.settlekit.reconcile;


import io.settlekit.base.Port;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads one provider's settlement file format into {@link SettlementLine}s, streaming: each line goes to
 * the sink as soon as it is read and is not kept.
 */
@Port
public interface SettlementParser {

    /**
     * Parses the files of one day, in order (a report split into several files is one report: its footers
     * may close sections opened in earlier files), and sends every settlement line to {@code sink}.
     *
     * @return the number of settlement lines sent
     * @throws MalformedFileException naming file, line and column when a file is truncated, has a wrong
     *                                header or a bad value, or its footer totals disagree with its rows; the
     *                                lines already sent must then be discarded by the caller
     */
    long parse(List<SettlementInput> files, Consumer<SettlementLine> sink);
}
