package io.settlekit.files.afterpay;

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

/** The Afterpay CSV parser passes the contract, over a small Australian export written out here. */
class AfterpayCsvParserContractTest extends SettlementParserContract {
    private static final String FILE = "afterpay-settlement-20250314-AU.csv";
    private static final String HEADER = "\"Settlement Date\",\"Order Date and Time\",\"Order Month\",\"Order Year\",\"Afterpay Order ID\","
            + "\"Merchant Order ID\",\"Merchant Refund ID\",\"Order Amount\",\"Settlement Amount\",\"Merchant Fee excl Tax\",\"Merchant Fee Tax\","
            + "\"Merchant Fee incl Tax\",\"Net Settlement Amount\",\"Type\",\"Channel\",\"Store Name\",\"Store Id\",\"Device Name\",\"Device Id\","
            + "\"Afterpay Refund ID\",\"Refund Date and Time\",\"Acquirer Terminal ID\",\"Consumer Country\"\n";
    private static final String ROWS = "\"14/03/2025\",\"12/03/2025 09:03\",\"Mar\",\"2025\",\"100900000102\",\"SHOP-20452\",\"\",\"$42.00\",\"$42.00\","
            + "\"$2.82\",\"$0.28\",\"$3.10\",\"$38.90\",\"Order\",\"Online\",\"\",,\"\",,,\"\",\"\",\"AU\"\n"
            + "\"14/03/2025\",\"13/03/2025 14:44\",\"Mar\",\"2025\",\"100900000113\",\"SHOP-20463\",\"\",\"$1,412.60\",\"$1,412.60\","
            + "\"$25.06\",\"$2.51\",\"$27.56\",\"$1,385.04\",\"Order\",\"Online\",\"\",,\"\",,,\"\",\"\",\"AU\"\n"
            + "\"14/03/2025\",\"10/03/2025 18:20\",\"Mar\",\"2025\",\"100900000042\",\"SHOP-20410\",\"RF-7001\",\"-$120.00\",\"-$120.00\","
            + "\"$0.00\",\"$0.00\",\"$0.00\",\"-$120.00\",\"Refund\",\"Online\",\"\",,\"\",,4561601,\"13/03/2025 10:12\",\"\",\"AU\"\n";
    private static final String EXPORT = HEADER + ROWS;

    private static SampleFile file(String content) {
        return new SampleFile(FILE, content.getBytes(StandardCharsets.UTF_8));
    }

    private static SettlementLine line(String id, String reference, LineKind kind, String code, long gross, long fee, String time, long row) {
        return new SettlementLine(Channel.AFTERPAY, id, Optional.of(reference), kind, code, Amount.ofMinor("AUD", gross),
                Amount.ofMinor("AUD", fee), Instant.parse(time), FILE, row);
    }

    @Override
    protected SettlementParser parser() {
        return new AfterpayCsvParser(AfterpayOptions.australia());
    }

    @Override
    protected Accepted accepted() {
        return new Accepted(List.of(file(EXPORT)), List.of(
                // 12/03 09:03 and 13/03 14:44 in Sydney (AEDT, +11:00)
                line("100900000102||Order|2025-03-14|4200", "SHOP-20452", LineKind.PAYMENT, "Order", 4200, -310, "2025-03-11T22:03:00Z", 2),
                line("100900000113||Order|2025-03-14|141260", "SHOP-20463", LineKind.PAYMENT, "Order", 141260, -2756, "2025-03-13T03:44:00Z", 3),
                // a refund is timed at the refund, 13/03 10:12 in Sydney
                line("100900000042|4561601|Refund|2025-03-14|-12000", "SHOP-20410", LineKind.REFUND, "Refund", -12000, 0, "2025-03-12T23:12:00Z", 4)));
    }

    @Override
    protected List<Malformed> malformed() {
        return List.of(
                new Malformed("truncated in a row", List.of(file(EXPORT.substring(0, EXPORT.lastIndexOf("\"$0.00\"")))), FILE, 4, "row"),
                new Malformed("a wrong header", List.of(file(EXPORT.replace("\"Settlement Amount\"", "\"Settled Amount\""))), FILE, 1, "Settlement Amount"),
                new Malformed("a bad amount", List.of(file(EXPORT.replace("\"$42.00\",\"$2.82\"", "\"$42,00\",\"$2.82\""))),
                        FILE, 2, "Settlement Amount"),
                new Malformed("an amount in another currency", List.of(file(EXPORT.replace("\"$38.90\"", "\"€38.90\""))), FILE, 2, "Net Settlement Amount"));
    }
}
