package io.settlekit.examples.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Request lines read from raw bytes, each bounded in size and decoded as strict UTF-8: an over-long line
 * is skipped to its end without being held in memory, and a line that is not UTF-8 is reported with the
 * byte offset of its first bad byte instead of being patched with U+FFFD (which would make two
 * different ids equal). Lines end at {@code \n}; a {@code \r} before it is dropped. Not thread-safe.
 */
final class RequestLines {

    /** One line of input, numbered from 1. */
    sealed interface Line permits Text, TooLong, NotUtf8 {
        /** The line's number, from 1. */
        long number();
    }

    /** A line decoded exactly. */
    record Text(long number, String text) implements Line {
    }

    /** A line longer than the limit: {@code bytes} is its length (without the line end). */
    record TooLong(long number, long bytes) implements Line {
    }

    /** A line that is not UTF-8: {@code offset} is the offset of the first bad byte in the line, from 0. */
    record NotUtf8(long number, int offset) implements Line {
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[8192];
    private int chunkLength;
    private int chunkPosition;
    private byte[] line = new byte[256];
    private long number;

    /**
     * @param in           the raw input; read in chunks, so it need not be buffered
     * @param maxLineBytes the longest line accepted, in bytes without its line end
     */
    RequestLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or empty at the end of the input. */
    Optional<Line> next() throws IOException {
        long length = 0;
        boolean sawAny = false;
        while (true) {
            if (chunkPosition == chunkLength) {
                chunkLength = in.read(chunk);
                chunkPosition = 0;
                if (chunkLength <= 0) {
                    chunkLength = 0;
                    return sawAny ? Optional.of(finish(length)) : Optional.empty();
                }
            }
            sawAny = true;
            byte b = chunk[chunkPosition++];
            if (b == '\n') {
                return Optional.of(finish(length));
            }
            if (length < maxLineBytes + 1L) { // keep one byte past the limit to tell a trailing \r
                if (length == line.length) {
                    line = Arrays.copyOf(line, (int) Math.min(maxLineBytes + 1L, line.length * 2L));
                }
                line[(int) length] = b;
            }
            length++;
        }
    }

    private Line finish(long length) {
        number++;
        long end = length;
        if (end > 0 && end <= maxLineBytes + 1L && line[(int) end - 1] == '\r') {
            end--;
        }
        if (end > maxLineBytes) {
            return new TooLong(number, end);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, (int) end);
        try {
            return new Text(number, decoder.decode(bytes).toString());
        } catch (CharacterCodingException bad) { // the decoder stops at the first byte of the bad sequence
            return new NotUtf8(number, bytes.position());
        }
    }
}
