package io.settlekit.formats.paypal;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.settlekit.MalformedFileException;
import io.settlekit.formats.csv.CsvRecords;
import io.settlekit.money.Amount;
import io.settlekit.money.FeeTypeCodes;
import io.settlekit.reconcile.Channel;
import io.settlekit.reconcile.LineKind;
import io.settlekit.reconcile.SettlementLine;
import io.settlekit.reconcile.port.SettlementInput;
import io.settlekit.reconcile.port.SettlementParser;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads PayPal Settlement Reports (STL, CSV): {@code RH, FH, SH, CH, SB…, SF…, SC, RF…, RC, FF}, UTF-8
 * with an optional BOM. SB fields are mapped by the CH row's column names (white space normalised, so
 * {@code Transaction  Debit or Credit} with two spaces maps too), amounts are unsigned hundredths for
 * every currency (JPY {@code 498000} is ¥4,980) signed by their {@code CR}/{@code DR} column, event
 * codes map to kinds through {@link PaypalEventCodes}.
 *
 * <p>Integrity checks, each failing with a {@link MalformedFileException} naming file, line and column:
 * every file starts with {@code RH} and {@code FH} (sequence numbers 1, 2, … across split files) and ends
 * with {@code FF}; every {@code SF}/{@code RF} currency footer equals the sums of its section's/report's
 * rows (gross and fee credits and debits, record count); {@code SC}/{@code RC} equal the row counts; every
 * currency with rows has its footers; the last file closes the report with {@code RC}. Balances in the
 * footers are not checked (their positions are not documented reliably).
 */
public final class PaypalStlParser implements SettlementParser {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss Z", Locale.ROOT);

    static final String TRANSACTION_ID = "Transaction ID";
    static final String INVOICE_ID = "Invoice ID";
    static final String EVENT_CODE = "Transaction Event Code";
    static final String COMPLETION_DATE = "Transaction Completion Date";
    static final String DEBIT_OR_CREDIT = "Transaction Debit or Credit";
    static final String GROSS = "Gross Transaction Amount";
    static final String GROSS_CURRENCY = "Gross Transaction Currency";
    static final String FEE_DEBIT_OR_CREDIT = "Fee Debit or Credit";
    static final String FEE = "Fee Amount";
    static final String FEE_CURRENCY = "Fee Currency";
    private static final List<String> REQUIRED = List.of(TRANSACTION_ID, INVOICE_ID, EVENT_CODE, COMPLETION_DATE,
            DEBIT_OR_CREDIT, GROSS, GROSS_CURRENCY, FEE_DEBIT_OR_CREDIT, FEE, FEE_CURRENCY);
    private static final List<String> FOOTER_FIELDS = List.of("currency", "total gross credits", "total gross debits",
            "total fee credits", "total fee debits");
    private static final int FOOTER_COUNT_FIELD = 18;

    private final PaypalEventCodes eventCodes;

    /** A parser with the default event code mapping. */
    public PaypalStlParser() {
        this(PaypalEventCodes.defaults());
    }

    /** A parser with the given event code mapping. */
    public PaypalStlParser(PaypalEventCodes eventCodes) {
        this.eventCodes = Objects.requireNonNull(eventCodes, "eventCodes");
    }

    @Override
    public long parse(List<SettlementInput> files, Consumer<SettlementLine> sink) {
        Report report = new Report();
        for (SettlementInput input : files) {
            try (CsvRecords records = CsvRecords.open(input)) {
                new FileReader(records, report, sink).read();
            }
        }
        if (!report.closed) {
            String last = files.isEmpty() ? "(no file)" : files.get(files.size() - 1).name();
            throw new MalformedFileException(last, report.lastLine, "RC", "the report is not closed by an RC row: truncated, or a split file is missing");
        }
        return report.whole.rows;
    }

    /** Sums of rows per currency, in hundredths as the file has them. */
    private static final class Totals {
        final long[] sums = new long[4]; // gross CR, gross DR, fee CR, fee DR
        long count;
    }

    /** Rows, per-currency sums and footers seen, of a section or of the whole report. */
    private static final class Scope {
        long rows;
        final Map<String, Totals> totals = new LinkedHashMap<>();
        final Map<String, Boolean> footed = new HashMap<>();
    }

    /** State carried across the files of one (possibly split) report. */
    private static final class Report {
        int fileSequence;
        boolean closed;
        long lastLine;
        final Scope whole = new Scope();
        Scope section;
        Map<String, Integer> columns;
        int columnCount;
    }

    /** Reads one file of the report. */
    private final class FileReader {
        private final CsvRecords records;
        private final Report report;
        private final Consumer<SettlementLine> sink;
        private final String file;
        private long line;
        private long fileRows;
        private long fileRecords;
        private boolean footer;

        FileReader(CsvRecords records, Report report, Consumer<SettlementLine> sink) {
            this.records = records;
            this.report = report;
            this.sink = sink;
            this.file = records.file();
        }

        void read() {
            Optional<CsvRecord> next;
            boolean first = true;
            while ((next = records.next()).isPresent()) {
                CsvRecord record = next.get();
                line = record.getStartingLineNumber();
                report.lastLine = line;
                String type = record.getField(0).strip();
                if (footer) {
                    throw malformed("record type", "'" + type + "' follows the file footer FF");
                }
                if (first && !type.equals("RH")) {
                    throw malformed("record type", "'" + type + "': a settlement report starts with RH (wrong file or header)");
                }
                if (!first && report.closed && !type.equals("FF")) {
                    throw malformed("record type", "'" + type + "' follows the report count RC");
                }
                fileRecords++;
                switch (type) {
                    case "RH" -> reportHeader(record, first);
                    case "FH" -> fileHeader(record);
                    case "SH" -> sectionHeader();
                    case "CH" -> columnHeader(record);
                    case "SB" -> body(record);
                    case "SF" -> currencyFooter(record, section("SF"), "SF");
                    case "SC" -> sectionCount(record);
                    case "RF" -> currencyFooter(record, report.whole, "RF");
                    case "RC" -> reportCount(record);
                    case "FF" -> fileFooter(record);
                    default -> throw malformed("record type", "'" + type + "' is not an STL record type");
                }
                first = false;
            }
            if (first) {
                throw malformed("file", "is empty");
            }
            if (!footer) {
                throw malformed("FF", "the file ends without its FF footer: truncated");
            }
        }

        private void reportHeader(CsvRecord record, boolean first) {
            if (!first) {
                throw malformed("record type", "'RH' appears again inside the file");
            }
            if (record.getFieldCount() < 5 || record.getField(3).isBlank()) {
                throw malformed("RH", "the report header needs a generation time, window, account id and version");
            }
        }

        private void fileHeader(CsvRecord record) {
            if (fileRecords != 2) {
                throw malformed("record type", "'FH' must be the second record");
            }
            long sequence = number(record, 1, "FH.sequence");
            if (sequence != report.fileSequence + 1) {
                throw malformed("FH.sequence", "'" + record.getField(1) + "': expected file " + (report.fileSequence + 1)
                        + " of the report (split files are read in sequence)");
            }
            report.fileSequence++;
        }

        private void sectionHeader() {
            if (report.section != null) {
                throw malformed("SH", "a section starts before the previous one ended with SC");
            }
            report.section = new Scope();
            report.columns = null;
        }

        private void columnHeader(CsvRecord record) {
            section("CH");
            if (report.columns != null) {
                throw malformed("CH", "a second column header in the same section (duplicated header)");
            }
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 1; i < record.getFieldCount(); i++) {
                String name = CsvRecords.normaliseName(record.getField(i));
                Integer first = columns.putIfAbsent(name, i);
                if (first != null && REQUIRED.contains(name)) {
                    throw malformed(name, "the column header CH has this column twice (fields " + first + " and " + i + ")");
                }
            }
            for (String required : REQUIRED) {
                if (!columns.containsKey(required)) {
                    throw malformed(required, "the column header CH lacks this column (wrong header)");
                }
            }
            report.columns = columns;
            report.columnCount = record.getFieldCount();
        }

        private void body(CsvRecord record) {
            Scope section = section("SB");
            if (report.columns == null) {
                throw malformed("CH", "an SB row comes before the column header CH");
            }
            if (record.getFieldCount() != report.columnCount) {
                throw malformed("SB", "has " + (record.getFieldCount() - 1) + " fields, the column header has "
                        + (report.columnCount - 1) + " (truncated or shifted row)");
            }
            String currency = currency(record, GROSS_CURRENCY);
            boolean grossCredit = debitOrCredit(record, DEBIT_OR_CREDIT, false);
            long grossHundredths = hundredths(record, GROSS, false);
            String feeFlag = field(record, FEE_DEBIT_OR_CREDIT);
            long feeHundredths = hundredths(record, FEE, true);
            boolean feeCredit = false;
            if (feeHundredths != 0 || !feeFlag.isEmpty()) {
                feeCredit = debitOrCredit(record, FEE_DEBIT_OR_CREDIT, false);
                String feeCurrency = field(record, FEE_CURRENCY);
                if (!feeCurrency.isEmpty() && !feeCurrency.equals(currency)) {
                    throw malformed(FEE_CURRENCY, "'" + feeCurrency + "' differs from the gross currency " + currency);
                }
            }
            String transactionId = field(record, TRANSACTION_ID);
            if (transactionId.isEmpty()) {
                throw malformed(TRANSACTION_ID, "is empty");
            }
            String code = field(record, EVENT_CODE);
            LineKind kind = eventCodes.kindOf(code);
            long gross = minorUnits(currency, grossHundredths, GROSS);
            long fee = minorUnits(currency, feeHundredths, FEE);
            SettlementLine settlementLine = new SettlementLine(Channel.PAYPAL, transactionId, Optional.of(field(record, INVOICE_ID)),
                    kind, code, Amount.ofMinor(currency, grossCredit ? gross : -gross),
                    Amount.ofMinor(currency, feeCredit ? fee : -fee), time(record, COMPLETION_DATE), file, line);

            add(section, currency, grossCredit, grossHundredths, feeCredit, feeHundredths);
            add(report.whole, currency, grossCredit, grossHundredths, feeCredit, feeHundredths);
            fileRows++;
            sink.accept(settlementLine);
        }

        private void add(Scope scope, String currency, boolean grossCredit, long gross, boolean feeCredit, long fee) {
            scope.rows++;
            Totals sums = scope.totals.computeIfAbsent(currency, c -> new Totals());
            try {
                // a wrapped-around sum could match a footer crafted to it
                sums.sums[grossCredit ? 0 : 1] = Math.addExact(sums.sums[grossCredit ? 0 : 1], gross);
                sums.sums[feeCredit ? 2 : 3] = Math.addExact(sums.sums[feeCredit ? 2 : 3], fee);
            } catch (ArithmeticException overflow) {
                throw malformed(GROSS, currency + " totals overflow 64 bits of hundredths");
            }
            sums.count++;
        }

        private void currencyFooter(CsvRecord record, Scope scope, String type) {
            if (record.getFieldCount() <= FOOTER_COUNT_FIELD) {
                throw malformed(type, "a currency footer has " + (record.getFieldCount() - 1) + " fields, expected " + FOOTER_COUNT_FIELD);
            }
            String currency = record.getField(1).strip();
            if (!FeeTypeCodes.isWellFormed(currency)) {
                throw malformed(type + ".currency", "'" + currency + "' is not a currency code");
            }
            if (scope.footed.put(currency, Boolean.TRUE) != null) {
                throw malformed(type + ".currency", "'" + currency + "' has a second footer");
            }
            Totals sums = scope.totals.getOrDefault(currency, new Totals());
            for (int i = 0; i < 4; i++) {
                long stated = number(record, i + 2, type + "." + FOOTER_FIELDS.get(i + 1));
                if (stated != sums.sums[i]) {
                    throw malformed(type + "." + FOOTER_FIELDS.get(i + 1), currency + " footer says " + stated
                            + ", the rows add up to " + sums.sums[i] + " (hundredths)");
                }
            }
            long count = number(record, FOOTER_COUNT_FIELD, type + ".record count");
            if (count != sums.count) {
                throw malformed(type + ".record count", currency + " footer says " + count + " rows, there are " + sums.count);
            }
        }

        private void sectionCount(CsvRecord record) {
            closeScope(section("SC"), record, "SC", "section", "SF");
            report.section = null;
        }

        private void reportCount(CsvRecord record) {
            if (report.section != null) {
                throw malformed("RC", "the report count comes before the section's SC");
            }
            closeScope(report.whole, record, "RC", "report", "RF");
            report.closed = true;
        }

        /** Checks a count row (SC, RC) against the scope's rows, and that every currency has its footer. */
        private void closeScope(Scope scope, CsvRecord record, String type, String name, String footer) {
            long count = number(record, 1, type + ".count");
            if (count != scope.rows) {
                throw malformed(type + ".count", "says " + count + " rows, the " + name + " has " + scope.rows);
            }
            for (String currency : scope.totals.keySet()) {
                if (!scope.footed.containsKey(currency)) {
                    throw malformed(footer, "currency " + currency + " has rows but no " + footer + " footer");
                }
            }
        }

        private void fileFooter(CsvRecord record) {
            long count = number(record, 1, "FF.count");
            // UNCERTAIN in the sources whether FF counts SB rows or every record: accept either
            if (count != fileRows && count != fileRecords) {
                throw malformed("FF.count", "says " + count + ", the file has " + fileRows + " SB rows (" + fileRecords + " records)");
            }
            footer = true;
        }

        private Scope section(String type) {
            if (report.section == null) {
                throw malformed(type, "appears outside a section (no SH before it)");
            }
            return report.section;
        }

        private String field(CsvRecord record, String column) {
            return record.getField(report.columns.get(column)).strip();
        }

        private String currency(CsvRecord record, String column) {
            String code = field(record, column);
            if (!FeeTypeCodes.isWellFormed(code)) {
                throw malformed(column, "'" + code + "' is not a three-letter currency code");
            }
            return code;
        }

        private boolean debitOrCredit(CsvRecord record, String column, boolean optional) {
            String flag = field(record, column);
            if (flag.equals("CR")) {
                return true;
            }
            if (flag.equals("DR") || (optional && flag.isEmpty())) {
                return false;
            }
            throw malformed(column, "'" + flag + "' must be CR or DR");
        }

        private long hundredths(CsvRecord record, String column, boolean optional) {
            String text = field(record, column);
            if (text.isEmpty()) {
                if (optional) {
                    return 0;
                }
                throw malformed(column, "is empty");
            }
            return digits(text, column);
        }

        private long number(CsvRecord record, int index, String column) {
            if (index >= record.getFieldCount()) {
                throw malformed(column, "is missing");
            }
            return digits(record.getField(index).strip(), column);
        }

        private long digits(String text, String column) {
            if (text.isEmpty() || text.length() > 18) {
                throw malformed(column, "'" + text + "' is not an unsigned amount in hundredths");
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    throw malformed(column, "'" + text + "' is not an unsigned amount in hundredths");
                }
            }
            return Long.parseLong(text);
        }

        /** Hundredths (PayPal's unit for every currency) to the currency's own minor units, exactly. */
        private long minorUnits(String currency, long hundredths, String column) {
            int digits = FeeTypeCodes.minorDigits(currency);
            if (digits == 2) {
                return hundredths;
            }
            if (digits < 2) {
                long divisor = digits == 1 ? 10 : 100;
                if (hundredths % divisor != 0) {
                    throw malformed(column, hundredths + " hundredths of " + currency + " is not a whole amount of its "
                            + digits + "-digit minor unit");
                }
                return hundredths / divisor;
            }
            long factor = 1;
            for (int i = 2; i < digits; i++) {
                factor *= 10;
            }
            try {
                return Math.multiplyExact(hundredths, factor);
            } catch (ArithmeticException overflow) {
                throw malformed(column, hundredths + " does not fit 64 bits in " + currency + "'s minor units");
            }
        }

        private Instant time(CsvRecord record, String column) {
            String text = field(record, column);
            try {
                Instant fast = PaypalTimes.parse(text);
                return fast != null ? fast : OffsetDateTime.parse(text, TIME).toInstant();
            } catch (DateTimeException e) {
                throw malformed(column, "'" + text + "' is not a time like 2025/03/14 00:14:22 -0700");
            }
        }

        private MalformedFileException malformed(String column, String reason) {
            return new MalformedFileException(file, line, column, reason);
        }
    }
}
