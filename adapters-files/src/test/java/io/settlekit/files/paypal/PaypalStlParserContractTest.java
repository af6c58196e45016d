package io.settlekit.files.paypal;

import io.settlekit.money.Amount;
import io.settlekit.reconcile.Channel;
import io.settlekit.reconcile.LineKind;
import io.settlekit.reconcile.SettlementLine;
import io.settlekit.reconcile.SettlementParser;
import io.settlekit.testkit.contract.SettlementParserContract;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The PayPal STL parser passes the contract, over a small report of three rows written out here. */
class PaypalStlParserContractTest extends SettlementParserContract {
    private static final String FILE = "STL-20250314.01.009.CSV";
    private static final String HEAD = "\uFEFF\"RH\",2025/03/15 02:41:07 -0700,\"A\",\"SYNTHETIC0001\",009,\n"
            + "\"FH\",01\n"
            + "\"SH\",2025/03/14 00:00:00 -0700,2025/03/14 23:59:59 -0700,\"SYNTHETIC0001\",\"\"\n"
            + "\"CH\",\"Transaction ID\",\"Invoice ID\",\"PayPal Reference ID\",\"PayPal Reference ID Type\",\"Transaction Event Code\","
            + "\"Transaction Initiation Date\",\"Transaction Completion Date\",\"Transaction Debit or Credit\",\"Gross Transaction Amount\","
            + "\"Gross Transaction Currency\",\"Fee Debit or Credit\",\"Fee Amount\",\"Fee Currency\",\"Custom Field\",\"Consumer ID\","
            + "\"Payment Tracking ID\",\"Store ID\",\"Bank Reference ID\",\"Credit Transactional Fee\",\"Credit Promotional Fee\",\"Credit Term\"\n";
    private static final String ROWS = "\"SB\",\"SYNTX000000000101\",\"ORD-100231\",\"\",\"\",\"T0006\",2025/03/14 00:14:22 -0700,2025/03/14 00:14:22 -0700,"
            + "\"CR\",8990,\"USD\",\"DR\",363,\"USD\",\"cart-7f3a01\",\"SYNPAYER00001\",\"\",\"\",\"\",,,\n"
            + "\"SB\",\"SYNTX000000000105\",\"ORD-100198\",\"SYNTX000000000087\",\"TXN\",\"T1107\",2025/03/14 04:31:40 -0700,2025/03/14 04:31:40 -0700,"
            + "\"DR\",6400,\"USD\",\"\",,\"\",\"\",\"\",\"\",\"\",\"\",,,\n"
            + "\"SB\",\"SYNTX000000000119\",\"\",\"\",\"\",\"T0400\",2025/03/14 21:00:00 -0700,2025/03/14 21:00:00 -0700,"
            + "\"DR\",100000,\"USD\",\"\",,\"\",\"\",\"\",\"\",\"\",\"SYNBANKREF0001\",,,\n";
    private static final String FOOT = "\"SF\",\"USD\",8990,106400,0,363,\"CR\",0,\"CR\",0,\"CR\",0,\"CR\",0,\"CR\",0,\"CR\",0,3\n"
            + "\"SC\",3\n"
            + "\"RF\",\"USD\",8990,106400,0,363,\"CR\",0,\"CR\",0,\"CR\",0,\"CR\",0,\"CR\",0,\"CR\",0,3\n"
            + "\"RC\",3\n"
            + "\"FF\",3\n";
    private static final String REPORT = HEAD + ROWS + FOOT;

    private static SampleFile file(String name, String content) {
        return new SampleFile(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static SettlementLine line(String id, String reference, LineKind kind, String code, long gross, long fee, String time, long row) {
        return new SettlementLine(Channel.PAYPAL, id, Optional.ofNullable(reference), kind, code, Amount.ofMinor("USD", gross),
                Amount.ofMinor("USD", fee), Instant.parse(time), FILE, row);
    }

    @Override
    protected SettlementParser parser() {
        return new PaypalStlParser();
    }

    @Override
    protected Accepted accepted() {
        return new Accepted(List.of(file(FILE, REPORT)), List.of(
                line("SYNTX000000000101", "ORD-100231", LineKind.PAYMENT, "T0006", 8990, -363, "2025-03-14T07:14:22Z", 5),
                line("SYNTX000000000105", "ORD-100198", LineKind.REFUND, "T1107", -6400, 0, "2025-03-14T11:31:40Z", 6),
                line("SYNTX000000000119", null, LineKind.TRANSFER, "T0400", -100000, 0, "2025-03-15T04:00:00Z", 7)));
    }

    @Override
    protected List<Malformed> malformed() {
        String second = "STL-20250314.02.009.CSV";
        String split = REPORT.replace("\"FF\",3\n", "").replace("\"RC\",3\n", "") + "\"FF\",3\n";
        return List.of(
                new Malformed("truncated before its footers", List.of(file(FILE, HEAD + ROWS)), FILE, 7, "FF"),
                new Malformed("truncated in a row", List.of(file(FILE, HEAD + ROWS.substring(0, ROWS.indexOf("\"SB\",\"SYNTX000000000105\"") + 40))),
                        FILE, 6, "SB"),
                new Malformed("a wrong header", List.of(file(FILE, REPORT.replace("\"Gross Transaction Amount\"", "\"Gross Amount\""))),
                        FILE, 4, "Gross Transaction Amount"),
                new Malformed("a bad amount", List.of(file(FILE, REPORT.replace(",8990,", ",89.90,"))), FILE, 5, "Gross Transaction Amount"),
                new Malformed("footer totals that disagree with the rows",
                        List.of(file(FILE, REPORT.replace("\"SF\",\"USD\",8990", "\"SF\",\"USD\",8991"))), FILE, 8, "SF.total gross credits"),
                new Malformed("a split report whose last file does not close it", List.of(file(FILE, split), file(second,
                        HEAD.substring(1, HEAD.indexOf("\"SH\"")).replace("\"FH\",01", "\"FH\",02") + "\"FF\",0\n")),
                        second, 3, "RC"));
    }
}
