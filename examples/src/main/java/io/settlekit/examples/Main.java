package io.settlekit.examples;

import io.settlekit.examples.demo.Demo;
import io.settlekit.examples.reconcile.ReconcileCommand;
import io.settlekit.examples.rules.RulesRunner;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The {@code settlekit} command.
 *
 * <pre>
 * java -jar settlekit.jar demo            run the embedded demo on in-memory adapters
 * java -jar settlekit.jar rules           answer JSON-lines requests from standard input
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
            case "demo" -> new Demo(out).run();
            case "rules" -> new RulesRunner().run(
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out);
            case "reconcile" -> System.exit(new ReconcileCommand(System.out, System.err).run(java.util.Arrays.copyOfRange(args, 1, args.length)));
            default -> {
                System.err.println("usage: settlekit demo | rules | reconcile (see README)");
                System.exit(command.equals("help") ? 0 : 2);
            }
        }
    }
}
