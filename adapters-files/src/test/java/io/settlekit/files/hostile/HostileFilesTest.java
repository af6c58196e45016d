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

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/** Regression tests of the defects the resilience suite found in the settlement file parsers. */
class HostileFilesTest {
    private static final String AFTERPAY_FIRST_ROW_AMOUNTS = "\"$85.95\",\"$85.95\",\"$5.46\",\"$0.55\",\"$6.00\",\"$79.95\"";

    private static List<SettlementLine> parse(SettlementParser parser, String name, String content) {
        List<SettlementLine> lines = new ArrayList<>();
        Consumer<SettlementLine> sink = lines::add;
        parser.parse(List.of(input(name, content)), sink);
        return lines;
    }

    private static MalformedFileException rejected(SettlementParser parser, String name, String content) {
        List<SettlementLine> lines = new ArrayList<>();
        try {
            parser.parse(List.of(input(name, content)), lines::add);
        } catch (MalformedFileException e) {
            return e;
        }
        throw new AssertionError(name + " was accepted: " + lines.size() + " lines");
    }

    private final AfterpayCsvParser afterpay = new AfterpayCsvParser(AfterpayOptions.australia());
    private final PaypalStlParser paypal = new PaypalStlParser();

    @Test
    void anAfterpayDateThatDoesNotExistIsRejectedNotClampedToTheMonthsEnd() {
        String feb31 = text(AFTERPAY).replaceFirst("\"14/03/2025\"", "\"31/02/2025\"");

        MalformedFileException e = rejected(afterpay, AFTERPAY, feb31);

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo("Settlement Date");
    }

    @Test
    void theSampleStillReadsWithStrictDates() {
        assertThat(parse(afterpay, AFTERPAY, text(AFTERPAY))).hasSize(20);
        assertThat(parse(new AfterpayCsvParser(AfterpayOptions.unitedStates()), AFTERPAY,
                text(AFTERPAY).replace("14/03/2025", "03/14/2025").replaceAll("\"(\\d\\d)/(\\d\\d)/2025 ", "\"$2/$1/2025 ")))
                .hasSize(20);
    }

    @Test
    void afterpayAmountsWhoseFeeOverflowsAreRejectedInsteadOfWrappingAround() {
        String overflow = text(AFTERPAY).replace(AFTERPAY_FIRST_ROW_AMOUNTS,
                "\"$85.95\",\"$92233720368547758.07\",\"$5.46\",\"$0.55\",\"$6.00\",\"-$92233720368547758.07\"");

        MalformedFileException e = rejected(afterpay, AFTERPAY, overflow);

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo("Net Settlement Amount");
    }

    @Test
    void anAfterpayAmountWithAMegabyteOfDigitsIsRejectedQuickly() {
        String digits = text(AFTERPAY).replace(AFTERPAY_FIRST_ROW_AMOUNTS,
                "\"$85.95\",\"$85." + "9".repeat(1_000_000) + "\",\"$5.46\",\"$0.55\",\"$6.00\",\"$79.95\"");

        MalformedFileException e = rejected(afterpay, AFTERPAY, digits);

        assertThat(e.column()).isEqualTo("Settlement Amount");
        assertThat(e.getMessage()).hasSizeLessThan(500);
    }

    @Test
    void anAfterpayHeaderWithAColumnTwiceIsRejected() {
        String twice = text(AFTERPAY).replaceFirst("\"Order Amount\"", "\"Settlement Amount\"");

        MalformedFileException e = rejected(afterpay, AFTERPAY, twice);

        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo("Settlement Amount");
    }

    @Test
    void aSecondStlColumnHeaderInOneSectionIsRejected() {
        String stl = text(STL);
        String header = stl.lines().filter(line -> line.startsWith("\"CH\"")).findFirst().orElseThrow();

        MalformedFileException e = rejected(paypal, STL, stl.replace(header, header + "\n" + header));

        assertThat(e.line()).isEqualTo(5);
        assertThat(e.column()).isEqualTo("CH");
    }

    @Test
    void anStlColumnHeaderNamingARequiredColumnTwiceIsRejected() {
        String stl = text(STL).replaceFirst("\"Custom Field\"", "\"Gross Transaction Amount\"");

        MalformedFileException e = rejected(paypal, STL, stl);

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo("Gross Transaction Amount");
    }

    @Test
    void stlTotalsThatOverflowAreRejectedEvenWhenAFooterStatesTheWrappedSum() {
        String stl = text(STL);
        List<String> lines = stl.lines().toList();
        String row = lines.stream().filter(line -> line.startsWith("\"SB\"")).findFirst().orElseThrow()
                .replace(",8990,", ",999999999999999999,");
        long wrapped = 0;
        List<String> body = new ArrayList<>(lines.subList(0, 4));
        for (int i = 0; i < 11; i++) {
            body.add(row.replace("SYNTX000000000101", "SYNTX0000000001" + (10 + i)));
            wrapped += 999_999_999_999_999_999L; // wraps around, as the parser's sum used to
        }
        String footer = ",0,363,\"CR\",0,\"CR\",0,\"CR\",0,\"CR\",0,\"CR\",0,\"CR\",0,11";
        body.add("\"SF\",\"USD\"," + wrapped + footer.replace(",363,", ",0,3993,"));
        body.add("\"SC\",11");
        body.add("\"RF\",\"USD\"," + wrapped + footer.replace(",363,", ",0,3993,"));
        body.add("\"RC\",11");
        body.add("\"FF\",11");

        MalformedFileException e = rejected(paypal, STL, String.join("\n", body) + "\n");

        assertThat(e.column()).isEqualTo("Gross Transaction Amount");
        assertThat(e.getMessage()).contains("overflow");
    }
}
