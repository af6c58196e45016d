package io.settlekit.examples.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.settlekit.base.SettlekitException;
import io.settlekit.base.ValidationException;
import io.settlekit.files.afterpay.AfterpayCsvParser;
import io.settlekit.files.afterpay.AfterpayOptions;
import io.settlekit.formats.json.ReceivableJsonLines;
import io.settlekit.formats.json.SettlekitJson;
import io.settlekit.files.paypal.PaypalStlParser;
import io.settlekit.files.report.ReportFormat;
import io.settlekit.files.report.ReportWriter;
import io.settlekit.files.report.StagedReportWriter;
import io.settlekit.reconcile.Channel;
import io.settlekit.reconcile.ReceivableIndex;
import io.settlekit.reconcile.Reconciler;
import io.settlekit.reconcile.ReconciliationSummary;
import io.settlekit.reconcile.ReportKey;
import io.settlekit.reconcile.SettlementInput;
import io.settlekit.reconcile.SettlementParser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Optional;
import java.util.function.BiConsumer;

import io.settlekit.examples.cli.HelpOrVersion;
import io.settlekit.examples.cli.Version;
import picocli.CommandLine;

/**
 * {@code settlekit reconcile --format paypal-stl|afterpay --file PATH --receivables PATH.jsonl [--date yyyy-MM-dd]
 * [--site NAME] [--currency AUD] [--date-format dd/MM/yyyy] [--time-format "dd/MM/yyyy HH:mm"] [--zone Australia/Sydney]}
 *
 * <p>Prints the report as JSON lines on standard output: one line per reconciled item, then one
 * {@code {"summary":…}} line. The report is staged in a temporary file ({@link StagedReportWriter}) and
 * printed only once complete: a malformed file, or totals that overflow half-way, print only
 * {@code {"error":…}}, never a partial report. Receivables are held in memory; settlement lines never
 * are (they stream, once). The date ({@code --date}, else the one in the file name) must be the day the
 * file's own header is for. Exit code 0 on success, 1 on bad input (a malformed file or receivables, a
 * file of another day), 2 on a usage error (an unknown option, a {@code --date} that is not a date).
 */
public final class ReconcileCommand {
    static final String USAGE = "usage: settlekit reconcile --format paypal-stl|afterpay --file PATH --receivables PATH.jsonl"
            + " [--date yyyy-MM-dd] [--site NAME] [--currency CODE] [--date-format P] [--time-format P] [--zone ZONE]";
    /** A progress line on stderr every this many settlement lines. */
    static final long PROGRESS_EVERY = 100_000;
    private static final Pattern DATE_IN_NAME = Pattern.compile("(20[0-9]{2})([01][0-9])([0-3][0-9])");

    private final OutputStream out;
    private final PrintStream err;

    /** A command writing the report to {@code out} and usage errors to {@code err}. */
    public ReconcileCommand(OutputStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs with the arguments after {@code reconcile}; returns the exit code. */
    public int run(String[] args) {
        Map<String, String> options;
        try {
            Optional<Map<String, String>> parsed = options(args);
            if (parsed.isEmpty()) {
                return 0; // --help or --version
            }
            options = parsed.get();
        } catch (IllegalArgumentException | CommandLine.ParameterException usage) {
            err.println(usage.getMessage());
            err.println(USAGE + "   (--help for more)");
            return 2;
        }
        try {
            reconcile(options);
            return 0;
        } catch (SettlekitException e) {
            error(e);
            return 1;
        } catch (IOException e) {
            error(ValidationException.invalid("file", e.getMessage(), "could not be read"));
            return 1;
        }
    }

    private void reconcile(Map<String, String> options) throws IOException {
        Path file = Path.of(options.get("file"));
        Path receivablesFile = Path.of(options.get("receivables"));
        for (Path path : List.of(file, receivablesFile)) {
            if (!Files.isRegularFile(path)) {
                throw ValidationException.invalid(path == file ? "file" : "receivables", path, "is not a readable file");
            }
        }
        Channel channel = options.get("format").equals("afterpay") ? Channel.AFTERPAY : Channel.PAYPAL;
        SettlementParser parser = parser(options);
        LocalDate date = date(options, file);
        SettlementInput input = new SettlementInput(file.getFileName().toString(), () -> Files.newInputStream(file));
        checkTheFileIsOf(date, options.get("date") != null, parser, input);
        ReceivableIndex.Builder index = ReceivableIndex.builder();
        try (BufferedReader in = Files.newBufferedReader(receivablesFile, StandardCharsets.UTF_8)) {
            new ReceivableJsonLines().read(receivablesFile.getFileName().toString(), in, index);
        }
        ReceivableIndex receivables = index.build();
        List<SettlementInput> inputs = List.of(input);

        // staged: nothing reaches standard output unless the whole report was written
        try (ReportWriter writer = new StagedReportWriter(ReportFormat.JSON_LINES, out)) {
            Reconciler reconciler = new Reconciler(new ReportKey(channel, options.getOrDefault("site", "cli"), date), receivables, writer::item);
            long[] lines = {0};
            parser.parse(inputs, line -> {
                reconciler.accept(line);
                if (++lines[0] % PROGRESS_EVERY == 0) { // long files: a sign of life on stderr, never on the report
                    err.printf("reconcile: %,d lines%n", lines[0]);
                }
            });
            ReconciliationSummary summary = reconciler.finish(List.of(file.getFileName().toString()));
            writer.summary(summary);
        }
    }

    private static SettlementParser parser(Map<String, String> options) {
        if (options.get("format").equals("paypal-stl")) {
            return new PaypalStlParser();
        }
        AfterpayOptions au = AfterpayOptions.australia();
        try {
            return new AfterpayCsvParser(new AfterpayOptions(options.getOrDefault("currency", au.currency()),
                    options.getOrDefault("date-format", au.dateFormat()), options.getOrDefault("time-format", au.dateTimeFormat()),
                    ZoneId.of(options.getOrDefault("zone", au.zone().getId()))));
        } catch (java.time.DateTimeException e) {
            throw ValidationException.invalid("zone", options.get("zone"), "is not a time zone");
        }
    }

    /**
     * Refuses to reconcile a file as a day it is not for: the day its own header says (PayPal: the section
     * header's start of period; Afterpay: the rows' settlement dates) must be {@code date}, whether given
     * with {@code --date} or read from the file name. A file whose header says nothing is left to the parse.
     */
    private static void checkTheFileIsOf(LocalDate date, boolean given, SettlementParser parser, SettlementInput input) {
        SortedSet<LocalDate> own = new TreeSet<>();
        if (parser instanceof PaypalStlParser paypal) {
            paypal.reportDate(input).ifPresent(own::add);
        } else if (parser instanceof AfterpayCsvParser afterpay) {
            own.addAll(afterpay.settlementDates(input));
        }
        if (!own.isEmpty() && !own.equals(Set.of(date))) {
            throw ValidationException.invalid("date", date, (given ? "given with --date" : "read from the file name")
                    + ", but " + input.name() + " is for " + (own.size() == 1 ? own.first() : "the settlement dates " + own)
                    + " by its own header: a file is reconciled only as the day it is for");
        }
    }

    private static LocalDate date(Map<String, String> options, Path file) {
        String given = options.get("date");
        if (given != null) {
            return LocalDate.parse(given); // checked by options()
        }
        Matcher inName = DATE_IN_NAME.matcher(file.getFileName().toString());
        if (inName.find()) {
            try {
                return LocalDate.of(Integer.parseInt(inName.group(1)), Integer.parseInt(inName.group(2)), Integer.parseInt(inName.group(3)));
            } catch (java.time.DateTimeException notADate) {
                // fall through to the error below
            }
        }
        throw ValidationException.missing("date");
    }

    /** The command line of {@code reconcile}, parsed by picocli. */
    @CommandLine.Command(name = "reconcile", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "Reconciles one settlement file against receivables given as JSON lines; prints the report as JSON lines.",
            footer = {"Exit codes: 0 reconciled, 1 bad input (malformed file or receivables, a file of another day), 2 usage error."})
    static final class Options {
        @CommandLine.Option(names = "--format", required = true, description = "paypal-stl or afterpay")
        String format;
        @CommandLine.Option(names = "--file", required = true, description = "the settlement file")
        String file;
        @CommandLine.Option(names = "--receivables", required = true, description = "the receivables, one JSON object per line")
        String receivables;
        @CommandLine.Option(names = "--date", description = "the day reconciled, yyyy-MM-dd (default: the date in the file name)")
        String date;
        @CommandLine.Option(names = "--site", description = "the site named in the report (default: cli)")
        String site;
        @CommandLine.Option(names = "--currency", description = "Afterpay: the account currency (default AUD)")
        String currency;
        @CommandLine.Option(names = "--date-format", description = "Afterpay: the date pattern (default dd/MM/yyyy)")
        String dateFormat;
        @CommandLine.Option(names = "--time-format", description = "Afterpay: the time pattern (default dd/MM/yyyy HH:mm)")
        String timeFormat;
        @CommandLine.Option(names = "--zone", description = "Afterpay: the zone of its times (default Australia/Sydney)")
        String zone;
    }

    /** The options as a map by option name, or empty when help or the version was asked for (and printed). */
    private Optional<Map<String, String>> options(String[] args) {
        Options parsed = new Options();
        CommandLine line = new CommandLine(parsed);
        line.parseArgs(args);
        if (HelpOrVersion.printed(line, new PrintStream(out, true, StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        Map<String, String> options = new HashMap<>();
        BiConsumer<String, String> put = (name, value) -> {
            if (value != null) {
                options.put(name, value);
            }
        };
        put.accept("format", parsed.format);
        put.accept("file", parsed.file);
        put.accept("receivables", parsed.receivables);
        put.accept("date", parsed.date);
        put.accept("site", parsed.site);
        put.accept("currency", parsed.currency);
        put.accept("date-format", parsed.dateFormat);
        put.accept("time-format", parsed.timeFormat);
        put.accept("zone", parsed.zone);
        if (!List.of("paypal-stl", "afterpay").contains(options.get("format"))) {
            throw new IllegalArgumentException("--format must be paypal-stl or afterpay, not '" + options.get("format") + "'");
        }
        String date = options.get("date");
        if (date != null) {
            try {
                LocalDate.parse(date); // ISO yyyy-MM-dd, strictly: 2025-02-30 is no date
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--date must be a date yyyy-MM-dd, not '" + date + "'");
            }
        }
        return Optional.of(options);
    }

    private void error(SettlekitException e) {
        ObjectMapper mapper = new ObjectMapper();
        try {
            out.write((mapper.writeValueAsString(SettlekitJson.error(mapper, e)) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException failed) {
            err.println(e.getMessage());
        }
    }
}
