package io.settlekit.testkit.logs;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures everything a test class writes to standard out and standard error (where the tests' SLF4J
 * binding logs) and fails the class if the output holds a secret: any value a test registered with
 * {@link #register(String)} (fake access keys, SMS secrets, phone numbers of the fixtures), a mainland
 * China mobile number, or an AWS access key id.
 *
 * <p>Opt-in: the testkit jar registers no extension, so a host with JUnit's extension auto-detection turned
 * on does not get it unless it asks, with {@code @ExtendWith(SensitiveOutputGuard.class)} on a test class or
 * by listing this class in its own test resources' {@code META-INF/services/org.junit.jupiter.api.extension.Extension}.
 * Settlekit's modules do the latter and their Failsafe runs turn auto-detection on, so every Settlekit
 * integration test is guarded. Output still reaches the console (or the test's report file).
 *
 * <p>Thread-safe: its shared state is a concurrent set and an atomic counter (the standard streams it swaps are
 * process-wide, so guarded classes should not run in parallel).
 */
public final class SensitiveOutputGuard implements BeforeAllCallback, AfterAllCallback {
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static final List<Pattern> PATTERNS = List.of(
            // mainland China mobile numbers (not the integer part of a decimal amount, nor digits inside a longer number)
            Pattern.compile("(?<![0-9A-Za-z.])1[3-9][0-9]{9}(?![0-9]|\\.[0-9])"),
            Pattern.compile("(?<![0-9A-Z])AKIA[0-9A-Z]{16}(?![0-9A-Z])"));   // AWS access key ids
    private static final java.util.concurrent.atomic.AtomicInteger ACTIVE = new java.util.concurrent.atomic.AtomicInteger();
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SensitiveOutputGuard.class);

    /** Declares a value that must never appear in any output (at least 6 characters, to avoid noise). */
    public static void register(String secret) {
        if (secret != null && secret.length() >= 6) {
            SECRETS.add(secret);
        }
    }

    /** Whether a test class is being guarded right now (lets a test prove the guard is wired in). */
    public static boolean guarding() {
        return ACTIVE.get() > 0;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ACTIVE.incrementAndGet();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        context.getStore(NAMESPACE).put("state", new State(captured, out, err));
        System.setOut(new PrintStream(new TeeOutputStream(out, captured), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new TeeOutputStream(err, captured), true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        State state = context.getStore(NAMESPACE).remove("state", State.class);
        if (state == null) {
            return;
        }
        ACTIVE.decrementAndGet();
        System.out.flush();
        System.err.flush();
        System.setOut(state.out);
        System.setErr(state.err);
        List<String> findings = scan(state.captured.toString(StandardCharsets.UTF_8));
        if (!findings.isEmpty()) {
            throw new AssertionError("sensitive values in the output of " + context.getDisplayName() + ": " + findings);
        }
    }

    /** The sensitive values found in {@code text}, each shown masked. */
    public static List<String> scan(String text) {
        List<String> findings = new ArrayList<>();
        for (String secret : SECRETS) {
            if (text.contains(secret)) {
                findings.add("registered secret " + mask(secret));
            }
        }
        for (Pattern pattern : PATTERNS) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                findings.add("'" + mask(matcher.group()) + "' matching " + pattern.pattern());
            }
        }
        return findings;
    }

    private static String mask(String value) {
        return value.substring(0, 2) + "…" + value.substring(value.length() - 2);
    }

    private record State(ByteArrayOutputStream captured, PrintStream out, PrintStream err) {
    }
}
