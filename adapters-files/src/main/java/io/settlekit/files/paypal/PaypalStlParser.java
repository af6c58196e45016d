package io.settlekit.files.paypal;

import io.settlekit.reconcile.MalformedFileException;
import io.settlekit.files.csv.CsvRecords;
import io.settlekit.files.csv.CsvRow;
import io.settlekit.files.csv.CsvRows;
import io.settlekit.money.Amount;
import io.settlekit.money.FeeTypeCodes;
import io.settlekit.reconcile.Channel;
import io.settlekit.reconcile.LineKind;
import io.settlekit.reconcile.SettlementLine;
import io.settlekit.reconcile.SettlementInput;
import io.settlekit.reconcile.SettlementParser;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
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
 *
 * <p>Built for files of millions of rows (see BENCHMARKS.md, against FastCSV reading the same file):
 * records are read as characters ({@link CsvRow}), the columns of the header are resolved to
 * positions once, amounts, flags and times are read from the characters, and currency and event codes
 * are looked up in a few remembered values; only the ids a line keeps become strings.
 *
 * <p>Thread-safe: immutable event codes; every file is read by its own reader object.
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
    // positions in REQUIRED, and so in Report.columns
    private static final int AT_TRANSACTION_ID = 0;
    private static final int AT_INVOICE_ID = 1;
    private static final int AT_EVENT_CODE = 2;
    private static final int AT_COMPLETION_DATE = 3;
    private static final int AT_DEBIT_OR_CREDIT = 4;
    private static final int AT_GROSS = 5;
    private static final int AT_GROSS_CURRENCY = 6;
    private static final int AT_FEE_DEBIT_OR_CREDIT = 7;
    private static final int AT_FEE = 8;
    private static final int AT_FEE_CURRENCY = 9;
    private static final List<String> FOOTER_FIELDS = List.of("currency", "total gross credits", "total gross debits",
            "total fee credits", "total fee debits");
    private static final int FOOTER_COUNT_FIELD = 18;
    /** The record types, most frequent first: the type of a row is found among them without a string. */
    private static final List<String> TYPES = List.of("SB", "SH", "CH", "SF", "SC", "RF", "RC", "FF", "RH", "FH");
    /** How many distinct currencies and event codes a reader remembers (files have a handful of each). */
    private static final int REMEMBERED = 16;

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
            try (CsvRows records = CsvRows.open(input)) {
                new FileReader(records, report, sink).read();
            }
        }
        if (!report.closed) {
            String last = files.isEmpty() ? "(no file)" : files.get(files.size() - 1).name();
            throw new MalformedFileException(last, report.lastLine, "RC", "the report is not closed by an RC row: truncated, or a split file is missing");
        }
        return report.whole.rows;
    }

    /**
     * The day a report is for, as its first section header says ({@code SH}, start of period
     * {@code 2025/03/14 00:00:00 -0700}: 2025-03-14, the local date of the reporting window); empty when
     * the file has no section header before its first row (the parse reports that). Reads only the header
     * rows.
     *
     * @throws MalformedFileException when the start of period is not a PayPal time
     */
    public Optional<LocalDate> reportDate(SettlementInput input) {
        try (CsvRows records = CsvRows.open(input)) {
            while (records.advance()) {
                CsvRow record = records.row();
                String type = record.fieldCount() == 0 ? "" : record.text(0);
                if (type.equals("SB")) {
                    return Optional.empty();
                }
                if (type.equals("SH")) {
                    String start = record.fieldCount() > 1 ? record.text(1) : "";
                    try {
                        return Optional.of(OffsetDateTime.parse(start, TIME).toLocalDate());
                    } catch (DateTimeException e) {
                        throw new MalformedFileException(records.file(), record.line(), "SH.start of period",
                                "'" + start + "' is not a time like 2025/03/14 00:00:00 -0700");
                    }
                }
            }
            return Optional.empty();
        }
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
        /** The totals of the last row's currency, looked up again only when the currency changes. */
        String lastCurrency;
        Totals last;
    }

    /** State carried across the files of one (possibly split) report. */
    private static final class Report {
        int fileSequence;
        boolean closed;
        long lastLine;
        final Scope whole = new Scope();
        Scope section;
        /** Field positions of the {@link #REQUIRED} columns, in that order, once a CH row was read. */
        int[] columns;
        int columnCount;
    }

    /** Reads one file of the report. */
    private final class FileReader {
        private final CsvRows records;
        private final Report report;
        private final Consumer<SettlementLine> sink;
        private final String file;
        private final PaypalTimes times = new PaypalTimes();
        // currencies seen (the same String each time, so its hash is computed once downstream) and their digits
        private final String[] currencies = new String[REMEMBERED];
        private final int[] currencyDigits = new int[REMEMBERED];
        private int currencyCount;
        // event codes seen and their kinds
        private final String[] codes = new String[REMEMBERED];
        private final LineKind[] kinds = new LineKind[REMEMBERED];
        private int codeCount;
        private long line;
        private long fileRows;
        private long fileRecords;
        private boolean footer;

        FileReader(CsvRows records, Report report, Consumer<SettlementLine> sink) {
            this.records = records;
            this.report = report;
            this.sink = sink;
            this.file = records.file();
        }

        void read() {
            boolean first = true;
            while (records.advance()) {
                CsvRow record = records.row();
                line = record.line();
                report.lastLine = line;
                String type = type(record);
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

        private void reportHeader(CsvRow record, boolean first) {
            if (!first) {
                throw malformed("record type", "'RH' appears again inside the file");
            }
            if (record.fieldCount() < 5 || record.isBlank(3)) {
                throw malformed("RH", "the report header needs a generation time, window, account id and version");
            }
        }

        private void fileHeader(CsvRow record) {
            if (fileRecords != 2) {
                throw malformed("record type", "'FH' must be the second record");
            }
            long sequence = number(record, 1, "FH.sequence");
            if (sequence != report.fileSequence + 1) {
                throw malformed("FH.sequence", "'" + record.field(1) + "': expected file " + (report.fileSequence + 1)
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

        private void columnHeader(CsvRow record) {
            section("CH");
            if (report.columns != null) {
                throw malformed("CH", "a second column header in the same section (duplicated header)");
            }
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 1; i < record.fieldCount(); i++) {
                String name = CsvRecords.normaliseName(record.field(i));
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
            int[] positions = new int[REQUIRED.size()];
            for (int c = 0; c < positions.length; c++) {
                positions[c] = columns.get(REQUIRED.get(c));
            }
            report.columns = positions;
            report.columnCount = record.fieldCount();
        }

        private void body(CsvRow record) {
            Scope section = section("SB");
            if (report.columns == null) {
                throw malformed("CH", "an SB row comes before the column header CH");
            }
            if (record.fieldCount() != report.columnCount) {
                throw malformed("SB", "has " + (record.fieldCount() - 1) + " fields, the column header has "
                        + (report.columnCount - 1) + " (truncated or shifted row)");
            }
            int[] at = report.columns;
            int currencyAt = at[AT_GROSS_CURRENCY];
            int currencySlot = currency(record, currencyAt);
            String currency = currencies[currencySlot];
            boolean grossCredit = debitOrCredit(record, at[AT_DEBIT_OR_CREDIT], DEBIT_OR_CREDIT);
            long grossHundredths = hundredths(record, at[AT_GROSS], GROSS, false);
            int feeFlagAt = at[AT_FEE_DEBIT_OR_CREDIT];
            long feeHundredths = hundredths(record, at[AT_FEE], FEE, true);
            boolean feeCredit = false;
            if (feeHundredths != 0 || !record.isBlank(feeFlagAt)) {
                feeCredit = debitOrCredit(record, feeFlagAt, FEE_DEBIT_OR_CREDIT);
                int feeCurrencyAt = at[AT_FEE_CURRENCY];
                if (!record.isBlank(feeCurrencyAt) && !record.textEquals(feeCurrencyAt, currency)) {
                    throw malformed(FEE_CURRENCY, "'" + record.text(feeCurrencyAt) + "' differs from the gross currency " + currency);
                }
            }
            int transactionAt = at[AT_TRANSACTION_ID];
            if (record.isBlank(transactionAt)) {
                throw malformed(TRANSACTION_ID, "is empty");
            }
            String transactionId = record.text(transactionAt);
            int codeSlot = eventCode(record, at[AT_EVENT_CODE]);
            int invoiceAt = at[AT_INVOICE_ID];
            Optional<String> invoice = record.isBlank(invoiceAt) ? Optional.empty() : Optional.of(record.text(invoiceAt));
            int digits = currencyDigits[currencySlot];
            long gross = minorUnits(currency, digits, grossHundredths, GROSS);
            long fee = minorUnits(currency, digits, feeHundredths, FEE);
            SettlementLine settlementLine = new SettlementLine(Channel.PAYPAL, transactionId, invoice, kinds[codeSlot], codes[codeSlot],
                    Amount.ofMinor(currency, grossCredit ? gross : -gross), Amount.ofMinor(currency, feeCredit ? fee : -fee),
                    time(record, at[AT_COMPLETION_DATE]), file, line);

            add(section, currency, grossCredit, grossHundredths, feeCredit, feeHundredths);
            add(report.whole, currency, grossCredit, grossHundredths, feeCredit, feeHundredths);
            fileRows++;
            sink.accept(settlementLine);
        }

        private void add(Scope scope, String currency, boolean grossCredit, long gross, boolean feeCredit, long fee) {
            scope.rows++;
            Totals sums = scope.last;
            if (scope.lastCurrency != currency) { // the canonical instance: the same currency as the last row
                sums = scope.totals.computeIfAbsent(currency, c -> new Totals());
                scope.last = sums;
                scope.lastCurrency = currency;
            }
            try {
                // a wrapped-around sum could match a footer crafted to it
                sums.sums[grossCredit ? 0 : 1] = Math.addExact(sums.sums[grossCredit ? 0 : 1], gross);
                sums.sums[feeCredit ? 2 : 3] = Math.addExact(sums.sums[feeCredit ? 2 : 3], fee);
            } catch (ArithmeticException overflow) {
                throw malformed(GROSS, currency + " totals overflow 64 bits of hundredths");
            }
            sums.count++;
        }

        private void currencyFooter(CsvRow record, Scope scope, String type) {
            if (record.fieldCount() <= FOOTER_COUNT_FIELD) {
                throw malformed(type, "a currency footer has " + (record.fieldCount() - 1) + " fields, expected " + FOOTER_COUNT_FIELD);
            }
            String currency = record.text(1);
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

        private void sectionCount(CsvRow record) {
            closeScope(section("SC"), record, "SC", "section", "SF");
            report.section = null;
        }

        private void reportCount(CsvRow record) {
            if (report.section != null) {
                throw malformed("RC", "the report count comes before the section's SC");
            }
            closeScope(report.whole, record, "RC", "report", "RF");
            report.closed = true;
        }

        /** Checks a count row (SC, RC) against the scope's rows, and that every currency has its footer. */
        private void closeScope(Scope scope, CsvRow record, String type, String name, String footer) {
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

        private void fileFooter(CsvRow record) {
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

        /** The record type, one of {@link #TYPES} when it is one (no string made for it), else the text. */
        private String type(CsvRow record) {
            for (String type : TYPES) {
                if (record.textEquals(0, type)) {
                    return type;
                }
            }
            return record.text(0);
        }

        /** The slot in {@link #currencies} of the code in field {@code at}, checked and remembered on first sight. */
        private int currency(CsvRow record, int at) {
            for (int i = 0; i < currencyCount; i++) {
                if (record.textEquals(at, currencies[i])) {
                    return i;
                }
            }
            String code = record.text(at);
            if (!FeeTypeCodes.isWellFormed(code)) {
                throw malformed(GROSS_CURRENCY, "'" + code + "' is not a three-letter currency code");
            }
            int slot = currencyCount < REMEMBERED ? currencyCount++ : REMEMBERED - 1;
            currencies[slot] = code;
            currencyDigits[slot] = FeeTypeCodes.minorDigits(code);
            return slot;
        }

        /** The slot in {@link #codes} of the event code in field {@code at}, its kind remembered on first sight. */
        private int eventCode(CsvRow record, int at) {
            for (int i = 0; i < codeCount; i++) {
                if (record.textEquals(at, codes[i])) {
                    return i;
                }
            }
            String code = record.text(at);
            int slot = codeCount < REMEMBERED ? codeCount++ : REMEMBERED - 1;
            codes[slot] = code;
            kinds[slot] = eventCodes.kindOf(code);
            return slot;
        }

        private boolean debitOrCredit(CsvRow record, int at, String column) {
            if (record.textEquals(at, "CR")) {
                return true;
            }
            if (record.textEquals(at, "DR")) {
                return false;
            }
            throw malformed(column, "'" + record.text(at) + "' must be CR or DR");
        }

        private long hundredths(CsvRow record, int at, String column, boolean optional) {
            if (record.isBlank(at)) {
                if (optional) {
                    return 0;
                }
                throw malformed(column, "is empty");
            }
            return digits(record, at, column);
        }

        private long number(CsvRow record, int index, String column) {
            if (index >= record.fieldCount()) {
                throw malformed(column, "is missing");
            }
            return digits(record, index, column);
        }

        private long digits(CsvRow record, int at, String column) {
            long value = record.textDigits(at);
            if (value < 0) {
                throw malformed(column, "'" + record.text(at) + "' is not an unsigned amount in hundredths");
            }
            return value;
        }

        /** Hundredths (PayPal's unit for every currency) to the currency's own minor units, exactly. */
        private long minorUnits(String currency, int digits, long hundredths, String column) {
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

        private Instant time(CsvRow record, int at) {
            int from = record.textStart(at);
            try {
                long seconds = times.epochSecond(record.chars(), from, record.textEnd(at, from) - from);
                return seconds != PaypalTimes.OTHER_SHAPE ? Instant.ofEpochSecond(seconds)
                        : OffsetDateTime.parse(record.text(at), TIME).toInstant();
            } catch (DateTimeException e) {
                throw malformed(COMPLETION_DATE, "'" + record.text(at) + "' is not a time like 2025/03/14 00:14:22 -0700");
            }
        }

        private MalformedFileException malformed(String column, String reason) {
            return new MalformedFileException(file, line, column, reason);
        }
    }
}
