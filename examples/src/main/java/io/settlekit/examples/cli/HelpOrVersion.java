package io.settlekit.examples.cli;

import java.io.PrintStream;

import picocli.CommandLine;

/**
 * The one place the commands answer {@code --help} and {@code --version} after picocli parsed their
 * arguments. Thread-safe: stateless.
 */
public final class HelpOrVersion {
    private HelpOrVersion() {
    }

    /**
     * Prints the usage or the version on {@code out} when {@code line} asked for one.
     *
     * @return whether it did (the command then exits 0 without running)
     */
    public static boolean printed(CommandLine line, PrintStream out) {
        if (line.isUsageHelpRequested()) {
            line.usage(out);
            return true;
        }
        if (line.isVersionHelpRequested()) {
            line.printVersionHelp(out);
            return true;
        }
        return false;
    }
}
