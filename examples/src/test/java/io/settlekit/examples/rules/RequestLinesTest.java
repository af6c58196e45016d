package io.settlekit.examples.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Request lines from raw bytes: exact text for good lines, a bound on each line, no U+FFFD ever. */
class RequestLinesTest {

    private static List<RequestLines.Line> lines(byte[] input, int max) throws IOException {
        return lines(new ByteArrayInputStream(input), max);
    }

    private static List<RequestLines.Line> lines(InputStream input, int max) throws IOException {
        RequestLines reader = new RequestLines(input, max);
        List<RequestLines.Line> all = new ArrayList<>();
        Optional<RequestLines.Line> next;
        while ((next = reader.next()).isPresent()) {
            all.add(next.get());
        }
        return all;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void acceptedLinesComeOutExactlyWithCrLfAndALastLineWithoutEnd() throws IOException {
        assertThat(lines(bytes("{\"a\":\"鲜果坊\"}\r\n\nplain\n€𝄞 last"), 64)).containsExactly(
                new RequestLines.Text(1, "{\"a\":\"鲜果坊\"}"),
                new RequestLines.Text(2, ""),
                new RequestLines.Text(3, "plain"),
                new RequestLines.Text(4, "€𝄞 last"));
        assertThat(lines(new byte[0], 64)).isEmpty();
        assertThat(lines(bytes("x\n"), 64)).containsExactly(new RequestLines.Text(1, "x"));
    }

    @Test
    void aLineOfExactlyTheLimitIsKeptAndOneByteMoreIsTooLong() throws IOException {
        String atLimit = "a".repeat(16);

        assertThat(lines(bytes(atLimit + "\r\n" + atLimit + "b\nnext"), 16)).containsExactly(
                new RequestLines.Text(1, atLimit),
                new RequestLines.TooLong(2, 17),
                new RequestLines.Text(3, "next"));
        // a multi-byte character counts its bytes: 6 characters of 3 bytes are 18 bytes
        assertThat(lines(bytes("鲜果坊鲜果坊\n"), 16)).containsExactly(new RequestLines.TooLong(1, 18));
    }

    @Test
    void invalidUtf8IsReportedWithItsByteOffsetInsteadOfBeingReplaced() throws IOException {
        byte[] input = {'{', '"', 'i', 'd', '"', ':', '"', 'A', (byte) 0xFF, '"', '}', '\n',
                'o', 'k', '\n',
                (byte) 0xE9, (byte) 0xB2, '\n',                 // a truncated 3-byte sequence
                (byte) 0xC0, (byte) 0xAF, '\n',                 // an overlong encoding of '/'
                (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'};   // a UTF-16 surrogate encoded in UTF-8

        assertThat(lines(input, 64)).containsExactly(
                new RequestLines.NotUtf8(1, 8),
                new RequestLines.Text(2, "ok"),
                new RequestLines.NotUtf8(3, 0),
                new RequestLines.NotUtf8(4, 0),
                new RequestLines.NotUtf8(5, 0));
    }

    @Test
    void aHugeLineIsSkippedWithoutBeingHeld() throws IOException {
        long huge = 512L * 1024 * 1024; // half a gigabyte, streamed: never held
        InputStream input = new InputStream() {
            private long left = huge;
            private int tail = 0;
            private final byte[] after = bytes("\nok\n");

            @Override
            public int read() {
                if (left > 0) {
                    left--;
                    return 'x';
                }
                return tail < after.length ? after[tail++] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left > 0) {
                    int n = (int) Math.min(len, left);
                    java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                    left -= n;
                    return n;
                }
                if (tail >= after.length) {
                    return -1;
                }
                int n = Math.min(len, after.length - tail);
                System.arraycopy(after, tail, b, off, n);
                tail += n;
                return n;
            }
        };

        assertThat(lines(input, 1024)).containsExactly(new RequestLines.TooLong(1, huge), new RequestLines.Text(2, "ok"));
    }
}
