package io.settlekit.files.hostile;

import static io.settlekit.files.SampleFiles.AFTERPAY;
import static io.settlekit.files.SampleFiles.STL;
import static io.settlekit.files.SampleFiles.input;
import static io.settlekit.files.SampleFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.reconcile.MalformedFileException;
import io.settlekit.files.afterpay.AfterpayCsvParser;
import io.settlekit.files.afterpay.AfterpayOptions;
import io.settlekit.files.paypal.PaypalStlParser;
import io.settlekit.reconcile.SettlementLine;
import io.settlekit.reconcile.SettlementParser;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bytes that are not UTF-8 refuse a settlement file, naming the line and the byte offset: decoded with a
 * replacement character, two transaction ids that differ only there became one (a false duplicate).
 */
class InvalidUtf8Test {
    private final PaypalStlParser paypal = new PaypalStlParser();
    private final AfterpayCsvParser afterpay = new AfterpayCsvParser(AfterpayOptions.australia());

    private static List<SettlementLine> parse(SettlementParser parser, String name, byte[] content) {
        List<SettlementLine> lines = new ArrayList<>();
        parser.parse(List.of(input(name, content)), lines::add);
        return lines;
    }

    private static final String MARK = "@@";

    /** {@code text} as UTF-8 with each {@link #MARK}, in order, replaced by the bytes of one of {@code hex}. */
    private static byte[] withBytes(String text, String... hex) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int from = 0;
        for (String bytes : hex) {
            int at = text.indexOf(MARK, from);
            assertThat(at).as("mark after %d", from).isNotNegative();
            out.writeBytes(text.substring(from, at).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(HexFormat.of().parseHex(bytes));
            from = at + MARK.length();
        }
        assertThat(text.indexOf(MARK, from)).isNegative();
        out.writeBytes(text.substring(from).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The byte offset of the first {@link #MARK} of {@code text} once encoded: where the first invalid bytes go. */
    private static int offsetOfMark(String text) {
        return text.substring(0, text.indexOf(MARK)).getBytes(StandardCharsets.UTF_8).length;
    }

    /** The 1-based line of byte {@code offset}, counted independently of the parser (LF line ends). */
    private static long lineOf(byte[] bytes, int offset) {
        long line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static void refusedAt(SettlementParser parser, String name, byte[] file, int offset) {
        assertThatThrownBy(() -> parse(parser, name, file))
                .isInstanceOfSatisfying(MalformedFileException.class, e -> {
                    assertThat(e.code()).isEqualTo("malformed_input");
                    assertThat(e.file()).isEqualTo(name);
                    assertThat(e.column()).isEqualTo("encoding");
                    assertThat(e.line()).isEqualTo(lineOf(file, offset));
                    assertThat(e.getMessage()).contains("byte offset " + offset + " ");
                });
    }

    @Test
    void twoPaypalTransactionIdsThatDifferOnlyInInvalidBytesAreRefusedNotMergedIntoADuplicate() {
        // SYNTX000000000101 and …103 end in 0xFF and 0xFE instead: both were SYNTX00000000010 + U+FFFD, a "duplicate"
        String text = text(STL).replaceFirst("\"SB\",\"SYNTX000000000101\"", "\"SB\",\"SYNTX00000000010@@\"")
                .replaceFirst("\"SB\",\"SYNTX000000000103\"", "\"SB\",\"SYNTX00000000010@@\"");
        byte[] file = withBytes(text, "FF", "FE");
        int offset = offsetOfMark(text);

        refusedAt(paypal, STL, file, offset);
        assertThat(lineOf(file, offset)).isEqualTo(5);
    }

    @Test
    void twoAfterpayOrderIdsThatDifferOnlyInInvalidBytesAreRefused() {
        // order ids 100900000101 and …102 end in 0x80 (a lone continuation byte) and 0xC3 (a cut two-byte sequence)
        String text = text(AFTERPAY).replaceFirst("\"100900000101\"", "\"10090000010@@\"")
                .replaceFirst("\"100900000102\"", "\"10090000010@@\"");
        byte[] file = withBytes(text, "80", "C3");
        int offset = offsetOfMark(text);

        refusedAt(afterpay, AFTERPAY, file, offset);
        assertThat(lineOf(file, offset)).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "a lone continuation byte, 80",
            "a cut three-byte sequence, E282",
            "an overlong slash, C0AF",
            "an encoded surrogate, EDA080",
            "beyond U+10FFFF, F4908080",
            "a byte UTF-8 never has, FE",
    })
    void invalidBytesOnALaterLineAfterMultiByteTextAreRefusedAtTheirLineAndOffset(String what, String hex) {
        // valid two-, three- and four-byte characters on line 2, the invalid bytes on line 19
        String text = text(AFTERPAY).replace("SHOP-20451", "SHOP-café-日本-😀").replace("SHOP-20465", "SHOP-20465-@@");
        byte[] file = withBytes(text, hex);
        int offset = offsetOfMark(text);

        refusedAt(afterpay, AFTERPAY, file, offset);
        assertThat(lineOf(file, offset)).isEqualTo(19);
        String crlf = text.replace("\n", "\r\n");
        refusedAt(afterpay, AFTERPAY, withBytes(crlf, hex), offsetOfMark(crlf));
    }

    @Test
    void validMultiByteUtf8IsReadExactlyByBothParsers() {
        String reference = "ORD-ü€😀-日本";
        String stl = text(STL).replace("ORD-100231", reference);
        List<SettlementLine> paypalLines = parse(paypal, STL, stl.getBytes(StandardCharsets.UTF_8));
        assertThat(paypalLines).hasSize(20);
        assertThat(paypalLines.get(0).orderReference()).contains(reference);
        assertThat(paypalLines.get(0).transactionId()).isEqualTo("SYNTX000000000101");

        // a reference longer than the decoding buffer: three-byte characters are cut across its boundaries
        String longReference = "SHOP-" + "日本".repeat(6_000);
        String csv = text(AFTERPAY).replace("SHOP-20451", longReference).replace("SHOP-20452", "SHOP-café-😀");
        List<SettlementLine> afterpayLines = parse(afterpay, AFTERPAY, csv.getBytes(StandardCharsets.UTF_8));
        assertThat(afterpayLines).hasSize(20);
        assertThat(afterpayLines.get(0).orderReference()).contains(longReference);
        assertThat(afterpayLines.get(1).orderReference()).contains("SHOP-café-😀");
    }

    @Test
    void byteOrderMarksStillSayTheEncoding() {
        String stl = text(STL); // starts with a UTF-8 byte-order mark
        assertThat(stl).startsWith("\uFEFF");
        assertThat(parse(paypal, STL, stl.getBytes(StandardCharsets.UTF_8))).hasSize(20);
        assertThat(parse(paypal, STL, stl.getBytes(StandardCharsets.UTF_16LE))).hasSize(20);
        assertThat(parse(paypal, STL, stl.getBytes(StandardCharsets.UTF_16BE))).hasSize(20);
        assertThat(parse(afterpay, AFTERPAY, ("\uFEFF" + text(AFTERPAY)).getBytes(StandardCharsets.UTF_16LE))).hasSize(20);
        assertThat(parse(afterpay, AFTERPAY, text(AFTERPAY).getBytes(StandardCharsets.UTF_8))).hasSize(20);
    }
}
