package io.settlekit.examples;

import io.settlekit.examples.cli.HelpOrVersion;
import io.settlekit.examples.cli.Version;
import io.settlekit.examples.demo.Demo;
import io.settlekit.examples.reconcile.ReconcileCommand;
import io.settlekit.examples.rules.RulesCommand;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import picocli.CommandLine;

/**
 * The {@code settlekit} command. Every command takes {@code --help}; {@code settlekit --version} prints the
 * version. Exit codes: 0 done, 1 bad input, 2 usage error.
 *
 * <pre>
 * java -jar settlekit.jar demo                        run the embedded demo on in-memory adapters
 * java -jar settlekit.jar rules [--max-line-bytes=N]  answer JSON-lines requests from standard input
 * java -jar settlekit.jar reconcile …                 reconcile a settlement file with receivables (JSON lines out)
 * </pre>
 */
public final class Main {
    private Main() {
    }

    /** The top-level command: its subcommands are listed in its help; each parses its own options. */
    @CommandLine.Command(name = "settlekit", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "Settlekit's command: the demo, the JSON-lines rules runner and the reconciliation of a settlement file.",
            subcommands = {Main.DemoCommand.class, Main.RulesHelp.class, Main.ReconcileHelp.class},
            footer = {"Exit codes: 0 done, 1 bad input, 2 usage error. `settlekit COMMAND --help` for a command's options."})
    static final class Settlekit {
    }

    /** {@code demo}: runs the embedded demo. */
    @CommandLine.Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "Runs the demo on embedded defaults (in-memory adapters, no server needed).")
    static final class DemoCommand {
    }

    /** {@code rules}: only for the top-level help; {@link RulesCommand} parses its own options. */
    @CommandLine.Command(name = "rules", description = "Answers JSON-lines requests from standard input, one answer per line.")
    static final class RulesHelp {
    }

    /** {@code reconcile}: only for the top-level help; {@link ReconcileCommand} parses its own options. */
    @CommandLine.Command(name = "reconcile", description = "Reconciles one settlement file against receivables (JSON lines out).")
    static final class ReconcileHelp {
    }

    /** Entry point; exits with the command's code. */
    public static void main(String[] args) throws Exception {
        System.exit(run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8)));
    }

    /** Runs {@code args} and returns the exit code (0 done, 1 bad input, 2 usage error). */
    static int run(String[] args, PrintStream out) throws Exception {
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        String command = args.length == 0 ? "" : args[0];
        switch (command) {
            case "demo" -> {
                CommandLine demo = new CommandLine(new DemoCommand());
                try {
                    demo.parseArgs(rest);
                } catch (CommandLine.ParameterException usage) {
                    System.err.println(usage.getMessage());
                    demo.usage(System.err);
                    return 2;
                }
                if (HelpOrVersion.printed(demo, out)) {
                    return 0;
                }
                // the demo prints what happens in its own words; the SDK's operator logs would cut its sections
                // (set before any logger exists: slf4j-simple reads it once)
                System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
                new Demo(out).run();
                return 0;
            }
            case "rules" -> {
                return new RulesCommand(System.in, out, System.err).run(rest);
            }
            case "reconcile" -> {
                return new ReconcileCommand(out, System.err).run(rest);
            }
            default -> {
                CommandLine top = new CommandLine(new Settlekit());
                try {
                    top.parseArgs(args);
                } catch (CommandLine.ParameterException usage) {
                    System.err.println(usage.getMessage());
                    top.usage(System.err);
                    return 2;
                }
                if (HelpOrVersion.printed(top, out)) {
                    return 0;
                }
                top.usage(System.err); // no command
                return 2;
            }
        }
    }
}
