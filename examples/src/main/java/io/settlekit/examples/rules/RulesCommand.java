package io.settlekit.examples.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

import io.settlekit.examples.cli.HelpOrVersion;
import io.settlekit.examples.cli.Version;
import picocli.CommandLine;

/**
 * {@code settlekit rules [--max-line-bytes=N]}: runs a {@link RulesRunner} over standard input. Exit code
 * 0 when the input was read to its end (bad requests are answered, not fatal), 2 on a usage error, 1
 * when the input cannot be read.
 */
public final class RulesCommand {
    private static final String MAX_LINE_BYTES = "--max-line-bytes";

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param in  the requests, as UTF-8 bytes
     * @param out where answers go
     * @param err where usage errors go
     */
    public RulesCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** The command line of {@code rules}, parsed by picocli. */
    @CommandLine.Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "Answers JSON-lines requests from standard input, one JSON answer per line; a bad request gets "
                    + "{\"error\":…} and the batch goes on.",
            footer = {"Exit codes: 0 input read to its end, 1 input unreadable, 2 usage error."})
    static final class Options {
        @CommandLine.Option(names = MAX_LINE_BYTES, paramLabel = "N",
                description = "the longest request line answered, in bytes (default: 1048576)")
        int maxLineBytes = RulesRunner.DEFAULT_MAX_LINE_BYTES;
    }

    /** Runs the command with its arguments (after {@code rules}) and returns the exit code. */
    public int run(String... args) {
        Options options = new Options();
        CommandLine line = new CommandLine(options);
        try {
            line.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return usage(e.getMessage());
        }
        if (HelpOrVersion.printed(line, out)) {
            return 0;
        }
        if (options.maxLineBytes < 1) {
            return usage(MAX_LINE_BYTES + " must be at least 1, not " + options.maxLineBytes);
        }
        try {
            new RulesRunner(options.maxLineBytes).run(in, out);
            return 0;
        } catch (IOException e) {
            err.println("rules: could not read the input: " + e.getMessage());
            return 1;
        }
    }

    private int usage(String problem) {
        err.println("rules: " + problem);
        err.println("usage: settlekit rules [" + MAX_LINE_BYTES + "=N]   (N bytes per request line, default "
                + RulesRunner.DEFAULT_MAX_LINE_BYTES + ")");
        return 2;
    }
}
