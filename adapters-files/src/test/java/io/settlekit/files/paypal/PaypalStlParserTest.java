package io.settlekit.files.paypal;

import static io.settlekit.files.SampleFiles.STL;
import static io.settlekit.files.SampleFiles.input;
import static io.settlekit.files.SampleFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.reconcile.MalformedFileException;
import io.settlekit.money.Amount;
import io.settlekit.money.CurrencyTotals;
import io.settlekit.reconcile.LineKind;
import io.settlekit.reconcile.SettlementLine;
import io.settlekit.reconcile.SettlementInput;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PaypalStlParserTest {
    private final PaypalStlParser parser = new PaypalStlParser();

    private List<SettlementLine> parse(SettlementInput... files) {
        List<SettlementLine> lines = new ArrayList<>();
        long count = parser.parse(List.of(files), lines::add);
        assertThat(count).isEqualTo(lines.size());
        return lines;
    }

    @Test
    void readsTheSampleReport() {
        List<SettlementLine> lines = parse(input(STL));

        assertThat(lines).hasSize(20);
        SettlementLine first = lines.get(0);
        assertThat(first.transactionId()).isEqualTo("SYNTX000000000101");
        assertThat(first.orderReference()).contains("ORD-100231");
        assertThat(first.kind()).isEqualTo(LineKind.PAYMENT);
        assertThat(first.gross()).isEqualTo(Amount.ofMinor("USD", 8990));
        assertThat(first.fee()).isEqualTo(Amount.ofMinor("USD", -363));
        assertThat(first.net()).isEqualTo(Amount.ofMinor("USD", 8627));
        assertThat(first.time()).isEqualTo(Instant.parse("2025-03-14T07:14:22Z"));
        assertThat(first.file()).isEqualTo(STL);
        assertThat(first.line()).isEqualTo(5);
        // JPY is encoded in hundredths like every currency: 498000 is 4,980 yen
        assertThat(lines.get(3).gross()).isEqualTo(Amount.ofMinor("JPY", 4980));
        // a partial EUR refund whose variable fee part is returned
        assertThat(lines.get(7).gross()).isEqualTo(Amount.ofMinor("EUR", -4900));
        assertThat(lines.get(7).fee()).isEqualTo(Amount.ofMinor("EUR", 147));
        assertThat(lines).extracting(SettlementLine::kind).containsSequence(LineKind.CHARGEBACK, LineKind.FEE);
        assertThat(lines.get(18).kind()).isEqualTo(LineKind.TRANSFER);
        assertThat(lines.get(18).orderReference()).isEmpty();
        CurrencyTotals net = CurrencyTotals.of(lines.stream().map(SettlementLine::net).toList());
        // begin + movements = end balance per currency (README of the fixtures)
        assertThat(net.asMap()).isEqualTo(Map.of("USD", 184768L - 241836L, "EUR", 122897L - 110520L, "JPY", 47480L - 35400L));
    }

    @Test
    void readsAFileWithoutBomAndWithTheTwoSpaceHeaderQuirk() {
        String edited = text(STL).substring(1).replace("\"Transaction Debit or Credit\"", "\"Transaction  Debit or Credit\"");
        assertThat(parse(input(STL, edited))).hasSize(20);
    }

    @Test
    void mapsColumnsByNameNotPosition() {
        String[] rows = text(STL).split("\n");
        StringBuilder swapped = new StringBuilder();
        for (String row : rows) {
            if (row.startsWith("\"CH\"") || row.startsWith("\"SB\"")) {
                List<String> f = new ArrayList<>(List.of(row.split(",", -1)));
                String custom = f.remove(14);
                f.add(1, custom); // move "Custom Field" to the front
                row = String.join(",", f);
            }
            swapped.append(row).append('\n');
        }
        List<SettlementLine> lines = parse(input(STL, swapped.toString()));
        assertThat(lines.get(0).orderReference()).contains("ORD-100231");
        assertThat(lines.get(0).gross()).isEqualTo(Amount.ofMinor("USD", 8990));
    }

    @Test
    void readsASplitReportAsOne() {
        String[] rows = text(STL).split("\n");
        // file 1: RH FH SH CH + 10 SB + FF; file 2: RH FH + 10 SB + footers
        StringBuilder one = new StringBuilder();
        StringBuilder two = new StringBuilder();
        for (int i = 0; i < 4 + 10; i++) {
            one.append(rows[i]).append('\n');
        }
        one.append("\"FF\",10\n");
        two.append(rows[0].substring(1)).append('\n').append("\"FH\",02\n");
        for (int i = 14; i < rows.length - 1; i++) {
            two.append(rows[i]).append('\n');
        }
        two.append("\"FF\",10\n");

        List<SettlementLine> lines = parse(input("STL-20250314.01.009.CSV", one.toString()), input("STL-20250314.02.009.CSV", two.toString()));

        assertThat(lines).hasSize(20);
        assertThat(lines.get(10).file()).isEqualTo("STL-20250314.02.009.CSV");
        assertThat(lines.get(10).line()).isEqualTo(3);
        assertThatThrownBy(() -> parse(input("STL-20250314.01.009.CSV", one.toString())))
                .isInstanceOfSatisfying(MalformedFileException.class, e -> assertThat(e.column()).isEqualTo("RC"));
        assertThatThrownBy(() -> parse(input("STL-20250314.02.009.CSV", two.toString())))
                .isInstanceOfSatisfying(MalformedFileException.class, e -> assertThat(e.column()).isEqualTo("FH.sequence"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "truncated after the section | SC | 27 | FF",
            "truncated in a row | SB13 | 17 | SB",
            "wrong header | CH | 4 | Gross Transaction Amount",
            "bad number | 7490 | 6 | Gross Transaction Amount",
            "bad flag | CR7490 | 6 | Transaction Debit or Credit",
            "bad time | TIME | 5 | Transaction Completion Date",
            "SF gross mismatch | SF | 25 | SF.total gross credits",
            "RF count mismatch | RF | 29 | RF.record count",
            "SC mismatch | SCBAD | 28 | SC.count",
            "not an STL file | NOTSTL | 1 | record type",
            "JPY fraction | JPY | 8 | Gross Transaction Amount",
    })
    void aMalformedFileNamesFileLineAndColumn(String what, String edit, long line, String column) {
        String file = text(STL);
        String edited = switch (edit) {
            case "SC" -> file.substring(0, file.indexOf("\"SC\""));
            case "SB13" -> file.substring(0, file.indexOf("\"SB\",\"SYNTX000000000113\"") + 40);
            case "CH" -> file.replace("\"Gross Transaction Amount\"", "\"Gross Amount\"");
            case "7490" -> file.replace(",7490,", ",74.90,");
            case "CR7490" -> file.replace("\"CR\",7490,", "\"CRX\",7490,");
            case "TIME" -> file.replace("2025/03/14 00:14:22 -0700,2025/03/14 00:14:22 -0700", "2025/03/14 00:14:22 -0700,14.03.2025");
            case "SF" -> file.replace("\"SF\",\"USD\",61214", "\"SF\",\"USD\",61215");
            case "RF" -> file.replace("\"CR\",0,\"CR\",0,10\n\"RF\",\"EUR\"", "\"CR\",0,\"CR\",0,11\n\"RF\",\"EUR\"");
            case "SCBAD" -> file.replace("\"SC\",20", "\"SC\",19");
            case "NOTSTL" -> "\"Settlement Date\",\"Order Date\"\n\"14/03/2025\",\"x\"\n";
            case "JPY" -> file.replace(",498000,\"JPY\",\"DR\",21900", ",498050,\"JPY\",\"DR\",21900");
            default -> throw new IllegalArgumentException(edit);
        };
        List<SettlementLine> sent = new ArrayList<>();

        assertThatThrownBy(() -> parser.parse(List.of(input(STL, edited)), sent::add))
                .isInstanceOfSatisfying(MalformedFileException.class, e -> {
                    assertThat(e.file()).isEqualTo(STL);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.code()).isEqualTo("malformed_input");
                    assertThat(e.getMessage()).contains(STL).contains("line " + line).contains(column);
                });
    }

    @Test
    void eventCodesMapToKindsAndHostsMayOverride() {
        PaypalEventCodes codes = PaypalEventCodes.defaults();
        assertThat(codes.kindOf("T0006")).isEqualTo(LineKind.PAYMENT);
        assertThat(codes.kindOf("T0003")).isEqualTo(LineKind.PAYMENT);
        assertThat(codes.kindOf("T1107")).isEqualTo(LineKind.REFUND);
        assertThat(codes.kindOf("T1201")).isEqualTo(LineKind.CHARGEBACK);
        assertThat(codes.kindOf("T0106")).isEqualTo(LineKind.FEE);
        assertThat(codes.kindOf("T0400")).isEqualTo(LineKind.TRANSFER);
        assertThat(codes.kindOf("T0200")).isEqualTo(LineKind.OTHER);
        assertThat(codes.kindOf("T9999")).isEqualTo(LineKind.OTHER);
        assertThat(codes.kindOf("garbage")).isEqualTo(LineKind.OTHER);
        assertThat(codes.with("T1202", LineKind.PAYMENT).kindOf("T1202")).isEqualTo(LineKind.PAYMENT);
    }
}
