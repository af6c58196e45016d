package io.settlekit.files.afterpay;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.settlekit.reconcile.MalformedFileException;
import io.settlekit.files.csv.CsvRecords;
import io.settlekit.money.Amount;
import io.settlekit.money.FeeTypeCodes;
import io.settlekit.reconcile.Channel;
import io.settlekit.reconcile.LineKind;
import io.settlekit.reconcile.SettlementLine;
import io.settlekit.reconcile.SettlementInput;
import io.settlekit.reconcile.SettlementParser;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Afterpay / Clearpay settlement CSV files: one row per order or refund, columns mapped by header
 * name, the layout ({@link AfterpayLayout}) detected from the header.
 *
 * <p>Amounts are read in exactly the notations the layouts document, and any other is a
 * {@link MalformedFileException} naming file, line and column. The export writes major units after the
 * symbol of the account's currency ({@code $} for AUD, USD, NZD and CAD, {@code £} for GBP, {@code €}
 * for EUR), an optional ASCII hyphen-minus before the symbol, optional {@code ,} thousands separators and
 * 2 to 6 decimals: {@code $85.95}, {@code -$1,259.72}, {@code $296.705000}. The partner file writes plain
 * decimals ({@code 30.00}, {@code -30.00}, {@code 0}). A symbol of another currency ({@code €} in an AUD
 * file, {@code NZ$}, {@code USD}), another minus or dash ({@code U+2212}, en dash) or a sign after the
 * symbol is refused: nothing is converted or guessed. Amounts with more decimals than the currency's
 * minor digits (US exports carry six) are rounded half-up per row. {@code Order} rows are payments, {@code Refund} rows refunds,
 * {@code Dispute}/{@code Chargeback} rows chargebacks, any other type is {@link LineKind#OTHER} so that
 * reconciliation flags it. Rows without an {@code Afterpay Order ID} (non-transaction lines of some
 * exports) are skipped and logged.
 *
 * <p>The transaction id of a line is Afterpay's de-duplication key: order id, refund id, type, settlement
 * date and settlement amount. The fee is {@code net − gross}, so the line's net is the file's own net.
 *
 * <p>Thread-safe: immutable options and formatters; every file is read by its own reader object.
 */
public final class AfterpayCsvParser implements SettlementParser {
    private static final Logger LOG = LoggerFactory.getLogger(AfterpayCsvParser.class);
    /** The export's symbol of each currency it is known to be written in (one account, one currency). */
    private static final Map<String, String> SYMBOLS = Map.of("AUD", "$", "USD", "$", "NZD", "$", "CAD", "$", "GBP", "£", "EUR", "€");
    // at most 19 integer digits (a long) and 12 decimals: longer numbers are not amounts, and parsing and
    // rounding a megabyte of digits would take seconds per field. ASCII digits only ([0-9], not \\d).
    /** The partner file's plain decimal: {@code 30.00}, {@code -30.00}, {@code 0}. */
    private static final Pattern PLAIN = Pattern.compile("(-)?([0-9]{1,19}(?:\\.[0-9]{1,12})?)");
    private static final List<String> PARTNER_FEES = List.of("Merchant Fee excl Tax", "Merchant Fee Tax", "CBT Fee Amount");
    /** Every column the parser reads a value from: none may appear twice in a header. */
    private static final List<String> READ_COLUMNS = java.util.stream.Stream.concat(
            java.util.stream.Stream.concat(AfterpayLayout.EXPORT.required().stream(), AfterpayLayout.PARTNER.required().stream()),
            java.util.stream.Stream.concat(PARTNER_FEES.stream(), java.util.stream.Stream.of("Afterpay Refund ID", "Refund Date and Time")))
            .distinct().toList();

    private final AfterpayOptions options;
    private final DateTimeFormatter dates;
    private final DateTimeFormatter times;
    /** The export's notation in the account's currency, empty when the export's symbol for it is unknown. */
    private final Optional<Pattern> exportMoney;

    /** A parser for files of an account with {@code options}. */
    public AfterpayCsvParser(AfterpayOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.dates = options.dateFormatter();
        this.times = options.dateTimeFormatter();
        // hyphen-minus, the symbol, then the digits and 2 to 6 decimals (2 normally, 6 in US raw exports)
        this.exportMoney = Optional.ofNullable(SYMBOLS.get(options.currency())).map(symbol -> Pattern.compile(
                "(-)?" + Pattern.quote(symbol) + "([0-9]{1,3}(?:,[0-9]{3}){0,6}|[0-9]{1,19})(\\.[0-9]{2,6})"));
    }

    @Override
    public long parse(List<SettlementInput> files, Consumer<SettlementLine> sink) {
        long lines = 0;
        for (SettlementInput input : files) {
            try (CsvRecords records = CsvRecords.open(input)) {
                lines += new FileReader(records, sink).read();
            }
        }
        return lines;
    }

    /**
     * The settlement dates of {@code input}'s rows (one per bank deposit; a daily file has one), sorted;
     * rows without an {@code Afterpay Order ID} are not counted, as {@link #parse} skips them. Empty when
     * the header has no {@code Settlement Date} column (the parse reports that).
     *
     * @throws MalformedFileException when a settlement date is not of the configured format
     */
    public SortedSet<LocalDate> settlementDates(SettlementInput input) {
        SortedSet<LocalDate> found = new TreeSet<>();
        try (CsvRecords records = CsvRecords.open(input)) {
            Optional<CsvRecord> header = records.next();
            if (header.isEmpty()) {
                return found;
            }
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.get().getFieldCount(); i++) {
                columns.putIfAbsent(CsvRecords.normaliseName(header.get().getField(i)), i);
            }
            Integer dateAt = columns.get("Settlement Date");
            Integer orderAt = columns.get("Afterpay Order ID");
            if (dateAt == null || orderAt == null) {
                return found;
            }
            Optional<CsvRecord> next;
            while ((next = records.next()).isPresent()) {
                CsvRecord record = next.get();
                if (record.getFieldCount() <= Math.max(dateAt, orderAt) || record.getField(orderAt).isBlank()) {
                    continue; // a short row is the parse's to report; a row without order id is skipped there too
                }
                String text = record.getField(dateAt).strip();
                try {
                    found.add(LocalDate.parse(text, dates));
                } catch (DateTimeParseException e) {
                    throw new MalformedFileException(records.file(), record.getStartingLineNumber(), "Settlement Date",
                            "'" + text + "' is not a date of format " + options.dateFormat());
                }
            }
        }
        return found;
    }

    private final class FileReader {
        private final CsvRecords records;
        private final Consumer<SettlementLine> sink;
        private final String file;
        private Map<String, Integer> columns;
        private int columnCount;
        private AfterpayLayout layout;
        private long line;

        FileReader(CsvRecords records, Consumer<SettlementLine> sink) {
            this.records = records;
            this.sink = sink;
            this.file = records.file();
        }

        long read() {
            Optional<CsvRecord> header = records.next();
            if (header.isEmpty()) {
                throw new MalformedFileException(file, 0, "file", "is empty");
            }
            header(header.get());
            long count = 0;
            Optional<CsvRecord> next;
            while ((next = records.next()).isPresent()) {
                CsvRecord record = next.get();
                line = record.getStartingLineNumber();
                if (record.getFieldCount() != columnCount) {
                    throw malformed("row", "has " + record.getFieldCount() + " fields, the header has " + columnCount
                            + " (truncated or shifted row)");
                }
                String orderId = field(record, "Afterpay Order ID");
                if (orderId.isEmpty()) {
                    LOG.info("{} line {}: skipped a row without Afterpay Order ID", file, line);
                    continue;
                }
                sink.accept(settlementLine(record, orderId));
                count++;
            }
            return count;
        }

        private void header(CsvRecord record) {
            line = record.getStartingLineNumber();
            columns = new HashMap<>();
            Map<String, Integer> repeated = new HashMap<>();
            for (int i = 0; i < record.getFieldCount(); i++) {
                String name = CsvRecords.normaliseName(record.getField(i));
                if (columns.putIfAbsent(name, i) != null) {
                    repeated.putIfAbsent(name, i);
                }
            }
            columnCount = record.getFieldCount();
            layout = AfterpayLayout.detect(columns).orElseThrow(() -> malformed("header",
                    "is not an Afterpay settlement header (neither 'Net Settlement Amount' nor 'Presentment Currency')"));
            for (String required : layout.required()) {
                if (!columns.containsKey(required)) {
                    throw malformed(required, "the header lacks this column (wrong header)");
                }
            }
            for (String read : READ_COLUMNS) {
                if (repeated.containsKey(read)) {
                    throw malformed(read, "the header has this column twice (columns " + (columns.get(read) + 1) + " and "
                            + (repeated.get(read) + 1) + "): which one holds the value is anyone's guess");
                }
            }
        }

        private SettlementLine settlementLine(CsvRecord record, String orderId) {
            String currency = options.currency();
            String type = field(record, "Type");
            LineKind kind = kindOf(type);
            long gross = money(record, "Settlement Amount", currency);
            long net;
            if (layout == AfterpayLayout.EXPORT) {
                net = money(record, "Net Settlement Amount", currency);
            } else {
                long fee = 0;
                for (String column : PARTNER_FEES) {
                    if (columns.containsKey(column) && !field(record, column).isEmpty()) {
                        fee = exact(Math::addExact, fee, money(record, column, currency), column);
                    }
                }
                net = exact(Math::subtractExact, gross, fee, "Settlement Amount");
            }
            LocalDate settlementDate = date(record, "Settlement Date");
            String refundId = optionalField(record, "Afterpay Refund ID");
            String refundTime = optionalField(record, "Refund Date and Time");
            Instant time = kind != LineKind.PAYMENT && !refundTime.isEmpty()
                    ? time(record, "Refund Date and Time") : time(record, "Order Date and Time");
            String transactionId = String.join("|", orderId, refundId, type, settlementDate.toString(), Long.toString(gross));
            return new SettlementLine(Channel.AFTERPAY, transactionId, Optional.of(field(record, "Merchant Order ID")), kind, type,
                    Amount.ofMinor(currency, gross), Amount.ofMinor(currency, exact(Math::subtractExact, net, gross, "Net Settlement Amount")),
                    time, file, line);
        }

        /** {@code a op b}, or a malformed file when the result overflows 64 bits (it would wrap around silently). */
        private long exact(java.util.function.LongBinaryOperator op, long a, long b, String column) {
            try {
                return op.applyAsLong(a, b);
            } catch (ArithmeticException overflow) {
                throw malformed(column, "the amounts of this row overflow 64 bits of minor units");
            }
        }

        private LineKind kindOf(String type) {
            switch (type.toLowerCase(Locale.ROOT)) {
                case "order": return LineKind.PAYMENT;
                case "refund": return LineKind.REFUND;
                case "dispute", "chargeback": return LineKind.CHARGEBACK;
                default: return LineKind.OTHER;
            }
        }

        private long money(CsvRecord record, String column, String currency) {
            String text = field(record, column);
            boolean negative;
            String digits;
            if (layout == AfterpayLayout.EXPORT) {
                if (exportMoney.isEmpty()) {
                    throw malformed(column, "'" + text + "': the export's currency symbol for " + currency
                            + " is not known (known: " + new TreeMap<>(SYMBOLS) + ")");
                }
                Matcher matcher = exportMoney.get().matcher(text);
                if (!matcher.matches()) {
                    throw malformed(column, "'" + text + "' is not a " + currency + " amount like " + SYMBOLS.get(currency)
                            + "1,259.72 or -" + SYMBOLS.get(currency) + "120.00 (another currency, minus sign or notation is refused, not converted)");
                }
                negative = matcher.group(1) != null;
                digits = matcher.group(2).replace(",", "") + matcher.group(3);
            } else {
                Matcher matcher = PLAIN.matcher(text);
                if (!matcher.matches()) {
                    throw malformed(column, "'" + text + "' is not a plain decimal amount like 30.00 or -30.00");
                }
                negative = matcher.group(1) != null;
                digits = matcher.group(2);
            }
            try {
                long minor = new BigDecimal(digits).setScale(FeeTypeCodes.minorDigits(currency), RoundingMode.HALF_UP)
                        .unscaledValue().longValueExact();
                return negative ? -minor : minor;
            } catch (ArithmeticException overflow) {
                throw malformed(column, "'" + text + "' does not fit 64 bits of minor units");
            }
        }

        private LocalDate date(CsvRecord record, String column) {
            String text = field(record, column);
            try {
                return LocalDate.parse(text, dates);
            } catch (DateTimeParseException e) {
                throw malformed(column, "'" + text + "' is not a date of format " + options.dateFormat());
            }
        }

        private Instant time(CsvRecord record, String column) {
            String text = field(record, column);
            try {
                return LocalDateTime.parse(text, times).atZone(options.zone()).toInstant();
            } catch (DateTimeParseException e) {
                throw malformed(column, "'" + text + "' is not a time of format " + options.dateTimeFormat());
            }
        }

        private String field(CsvRecord record, String column) {
            return record.getField(columns.get(column)).strip();
        }

        private String optionalField(CsvRecord record, String column) {
            Integer index = columns.get(column);
            return index == null ? "" : record.getField(index).strip();
        }

        private MalformedFileException malformed(String column, String reason) {
            return new MalformedFileException(file, line, column, reason);
        }
    }
}
