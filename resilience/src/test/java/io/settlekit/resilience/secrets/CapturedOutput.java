package io.settlekit.resilience.secrets;

import io.settlekit.testkit.logs.TeeOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything logged while it is open: standard out and error (where slf4j-simple writes, looked up on
 * every line, at its INFO default) and java.util.logging's root logger from INFO up (the SDKs that log
 * through JUL), each record formatted with its stack trace. Output still reaches the console. Debug
 * levels are not captured: the JDK's HTTP client, for one, logs every request URI at FINE, query included,
 * which no production host enables.
 */
final class CapturedOutput implements AutoCloseable {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final StringBuilder julRecords = new StringBuilder();
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final Logger root = Logger.getLogger("");
    private final Level rootLevel = root.getLevel();
    private final Handler handler = new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            synchronized (julRecords) {
                julRecords.append(format.format(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    CapturedOutput() {
        System.setOut(new PrintStream(new TeeOutputStream(out, captured), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new TeeOutputStream(err, captured), true, StandardCharsets.UTF_8));
        handler.setLevel(Level.INFO);
        root.setLevel(Level.INFO);
        root.addHandler(handler);
    }

    /** What was written to standard out and error, and logged through JUL, so far. */
    String text() {
        System.out.flush();
        System.err.flush();
        synchronized (captured) {
            synchronized (julRecords) {
                return captured.toString(StandardCharsets.UTF_8) + julRecords;
            }
        }
    }

    @Override
    public void close() {
        System.out.flush();
        System.err.flush();
        System.setOut(out);
        System.setErr(err);
        root.removeHandler(handler);
        root.setLevel(rootLevel);
    }

    /** A throwable as a log line would print it: message, stack trace and every cause. */
    static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
