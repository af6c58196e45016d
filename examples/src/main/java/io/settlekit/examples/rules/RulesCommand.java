package io.settlekit.examples.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

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

    /** Runs the command with its arguments (after {@code rules}) and returns the exit code. */
    public int run(String... args) {
        int maxLineBytes = RulesRunner.DEFAULT_MAX_LINE_BYTES;
        for (int i = 0; i < args.length; i++) {
            String value;
            if (args[i].startsWith(MAX_LINE_BYTES + "=")) {
                value = args[i].substring(MAX_LINE_BYTES.length() + 1);
            } else if (args[i].equals(MAX_LINE_BYTES) && i + 1 < args.length) {
                value = args[++i];
            } else {
                return usage("unknown argument '" + args[i] + "'");
            }
            try {
                maxLineBytes = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                return usage(MAX_LINE_BYTES + " must be a whole number of bytes, not '" + value + "'");
            }
            if (maxLineBytes < 1) {
                return usage(MAX_LINE_BYTES + " must be at least 1, not " + maxLineBytes);
            }
        }
        try {
            new RulesRunner(maxLineBytes).run(in, out);
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
