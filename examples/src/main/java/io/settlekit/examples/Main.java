package io.settlekit.examples;

import io.settlekit.examples.demo.Demo;
import io.settlekit.examples.reconcile.ReconcileCommand;
import io.settlekit.examples.rules.RulesCommand;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The {@code settlekit} command.
 *
 * <pre>
 * java -jar settlekit.jar demo            run the embedded demo on in-memory adapters
 * java -jar settlekit.jar rules [--max-line-bytes=N]   answer JSON-lines requests from standard input
 * java -jar settlekit.jar reconcile …     reconcile a settlement file with receivables (JSON lines out)
 * </pre>
 */
public final class Main {
    private Main() {
    }

    /** Entry point; exits with 0 on success, 2 on a usage error. */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String command = args.length == 0 ? "help" : args[0];
        switch (command) {
            case "demo" -> {
                // the demo prints what happens in its own words; the SDK's operator logs would cut its sections
                // (set before any logger exists: slf4j-simple reads it once)
                System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
                new Demo(out).run();
            }
            case "rules" -> System.exit(new RulesCommand(System.in, out, System.err).run(java.util.Arrays.copyOfRange(args, 1, args.length)));
            case "reconcile" -> System.exit(new ReconcileCommand(System.out, System.err).run(java.util.Arrays.copyOfRange(args, 1, args.length)));
            default -> {
                System.err.println("usage: settlekit demo | rules | reconcile (see README)");
                System.exit(command.equals("help") ? 0 : 2);
            }
        }
    }
}
