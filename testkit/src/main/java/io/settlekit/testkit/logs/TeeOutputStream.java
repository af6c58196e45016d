package io.settlekit.testkit.logs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes to the console and to a capture buffer, for tests that scan what was printed
 * ({@link SensitiveOutputGuard}, the resilience suite's secrets scan). The capture is what is checked; the
 * console is best effort.
 *
 * <p>Thread-safe: writes to the capture are synchronized on it.
 */
public final class TeeOutputStream extends OutputStream {
    private final OutputStream console;
    private final ByteArrayOutputStream capture;

    /** Copies everything written to {@code console} into {@code capture} (synchronized on the capture). */
    public TeeOutputStream(OutputStream console, ByteArrayOutputStream capture) {
        this.console = console;
        this.capture = capture;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        synchronized (capture) {
            capture.write(b, off, len);
        }
        try {
            console.write(b, off, len);
        } catch (IOException ignored) {
            // the console is best effort; the capture is what is checked
        }
    }

    @Override
    public void flush() throws IOException {
        console.flush();
    }
}
