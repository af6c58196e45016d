package io.settlekit.files.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The text of a settlement file, decoded with errors reported, never replaced: a byte sequence that is
 * not valid in the file's encoding ends the read with an {@link Undecodable} naming its byte offset and
 * line, where {@link java.io.InputStreamReader} would put U+FFFD in its place (and two different
 * transaction ids would become one). The encoding is UTF-8 unless a byte-order mark says UTF-16 or UTF-32
 * (old PayPal files were UTF-16); the mark itself is skipped, as FastCSV's own detection skips it.
 */
final class StrictText extends Reader {
    private static final int BUFFER = 16 * 1024;

    private final InputStream in;
    private final CharsetDecoder decoder;
    /** Bytes read and not yet decoded, between position and limit (read mode). */
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
    /** The offset in the file of {@code bytes.array()[0]}. */
    private long base;
    private boolean endOfInput;
    private boolean flushed;
    /** Line ends decoded so far (LF, CR LF and a lone CR each end one line, as FastCSV counts them). */
    private long lineEnds;
    private boolean lastWasCr;

    private StrictText(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The text of {@code in}, its encoding told by its byte-order mark (UTF-8 without one). */
    static StrictText open(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        byte[] head = in.readNBytes(4);
        int n = head.length;
        Charset charset = StandardCharsets.UTF_8;
        int bom = 0;
        if (n >= 3 && b(head[0]) == 0xEF && b(head[1]) == 0xBB && b(head[2]) == 0xBF) {
            bom = 3;
        } else if (n >= 4 && b(head[0]) == 0x00 && b(head[1]) == 0x00 && b(head[2]) == 0xFE && b(head[3]) == 0xFF) {
            charset = Charset.forName("UTF-32BE");
            bom = 4;
        } else if (n >= 4 && b(head[0]) == 0xFF && b(head[1]) == 0xFE && b(head[2]) == 0x00 && b(head[3]) == 0x00) {
            charset = Charset.forName("UTF-32LE");
            bom = 4;
        } else if (n >= 2 && b(head[0]) == 0xFE && b(head[1]) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else if (n >= 2 && b(head[0]) == 0xFF && b(head[1]) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        }
        StrictText text = new StrictText(in, charset);
        text.bytes.clear();
        text.bytes.put(head, bom, n - bom);
        text.bytes.flip();
        text.base = bom;
        text.endOfInput = n < 4;
        return text;
    }

    private static int b(byte value) {
        return value & 0xFF;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (out.position() == offset) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                throw undecodable(result.length(), buffer, offset, out.position());
            }
            if (out.position() > offset || result.isOverflow()) {
                break;
            }
            // underflow: every whole character of the bytes is decoded; more bytes, or the end
            if (endOfInput) {
                if (!flushed) {
                    decoder.flush(out);
                    flushed = true;
                }
                if (out.position() == offset) {
                    return -1;
                }
                break;
            }
            fill();
        }
        int produced = out.position() - offset;
        countLines(buffer, offset, produced);
        return produced;
    }

    /** Moves the undecoded bytes to the start of the buffer and reads more after them. */
    private void fill() throws IOException {
        base += bytes.position();
        bytes.compact();
        int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (read < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
    }

    private void countLines(char[] buffer, int from, int count) {
        long ends = lineEnds;
        boolean cr = lastWasCr;
        for (int i = from, to = from + count; i < to; i++) {
            char c = buffer[i];
            if (c == '\n') {
                if (!cr) {
                    ends++;
                }
                cr = false;
            } else if (c == '\r') {
                ends++;
                cr = true;
            } else {
                cr = false;
            }
        }
        lineEnds = ends;
        lastWasCr = cr;
    }

    private Undecodable undecodable(int length, char[] buffer, int offset, int produced) {
        countLines(buffer, offset, produced - offset); // the line ends before the bad bytes
        int at = bytes.position();
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < length && at + i < bytes.limit(); i++) {
            shown.append(i == 0 ? "" : " ").append(String.format("0x%02X", bytes.get(at + i) & 0xFF));
        }
        return new Undecodable(decoder.charset(), base + at, lineEnds + 1, shown.toString());
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Bytes that are not text in the file's encoding: where they are, and what they are. */
    static final class Undecodable extends IOException {
        private static final long serialVersionUID = 1L;

        private final long byteOffset;
        private final long line;

        Undecodable(Charset charset, long byteOffset, long line, String bytes) {
            super("is not valid " + charset.name() + ": byte" + (bytes.contains(" ") ? "s " : " ") + bytes
                    + " at byte offset " + byteOffset + " (line " + line + ") cannot be decoded; the file is refused"
                    + " rather than read with a replacement character");
            this.byteOffset = byteOffset;
            this.line = line;
        }

        /** The 0-based offset in the file of the first byte that cannot be decoded. */
        long byteOffset() {
            return byteOffset;
        }

        /** The 1-based line the bytes are on. */
        long line() {
            return line;
        }
    }
}
