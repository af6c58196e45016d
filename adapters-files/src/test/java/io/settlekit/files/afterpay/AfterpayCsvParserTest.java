package io.settlekit.files.afterpay;

import static io.settlekit.files.SampleFiles.AFTERPAY;
import static io.settlekit.files.SampleFiles.input;
import static io.settlekit.files.SampleFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.reconcile.MalformedFileException;
import io.settlekit.base.ValidationException;
import io.settlekit.money.Amount;
import io.settlekit.money.CurrencyTotals;
import io.settlekit.reconcile.LineKind;
import io.settlekit.reconcile.SettlementLine;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AfterpayCsvParserTest {
    private final AfterpayCsvParser parser = new AfterpayCsvParser(AfterpayOptions.australia());

    private List<SettlementLine> parse(AfterpayCsvParser parser, String name, String content) {
        List<SettlementLine> lines = new ArrayList<>();
        parser.parse(List.of(input(name, content)), lines::add);
        return lines;
    }

    @Test
    void readsTheSampleExport() {
        List<SettlementLine> lines = parse(parser, AFTERPAY, text(AFTERPAY));

        assertThat(lines).hasSize(20);
        assertThat(lines).filteredOn(l -> l.kind() == LineKind.PAYMENT).hasSize(16);
        assertThat(lines).filteredOn(l -> l.kind() == LineKind.REFUND).hasSize(4);
        SettlementLine first = lines.get(0);
        assertThat(first.orderReference()).contains("SHOP-20451");
        assertThat(first.gross()).isEqualTo(Amount.ofMinor("AUD", 8595));
        assertThat(first.fee()).isEqualTo(Amount.ofMinor("AUD", -600));
        assertThat(first.net()).isEqualTo(Amount.ofMinor("AUD", 7995));
        assertThat(first.time()).isEqualTo(Instant.parse("2025-03-11T21:41:00Z")); // 12/03 08:41 in Sydney (AEDT)
        assertThat(first.line()).isEqualTo(2);
        // the partial capture settles 150.00 of 250.00 ordered
        assertThat(lines.get(3).gross()).isEqualTo(Amount.ofMinor("AUD", 15000));
        // thousands separator
        assertThat(lines.get(6).gross()).isEqualTo(Amount.ofMinor("AUD", 124900));
        // a refund: negative, no fee, timed at the refund
        SettlementLine refund = lines.get(5);
        assertThat(refund.gross()).isEqualTo(Amount.ofMinor("AUD", -12000));
        assertThat(refund.fee()).isEqualTo(Amount.zero("AUD"));
        assertThat(refund.time()).isEqualTo(Instant.parse("2025-03-12T23:12:00Z"));
        assertThat(refund.transactionId()).isEqualTo("100900000042|4561601|Refund|2025-03-14|-12000");
        CurrencyTotals totals = CurrencyTotals.of(lines.stream().map(SettlementLine::gross).toList());
        assertThat(totals.asMap()).isEqualTo(Map.of("AUD", 279309L)); // settlement 2,793.09
        // the sum of the displayed row nets (the deposit is 2,587.66: Afterpay rounds the raw sum)
        assertThat(CurrencyTotals.of(lines.stream().map(SettlementLine::net).toList()).asMap()).isEqualTo(Map.of("AUD", 258768L));
    }

    @Test
    void usExportsWithMonthFirstDatesAndSixDecimalAmounts() {
        AfterpayCsvParser us = new AfterpayCsvParser(AfterpayOptions.unitedStates());
        String file = text(AFTERPAY).lines().findFirst().orElseThrow() + "\n"
                + "\"08/11/2026\",\"08/10/2026 09:03\",\"Aug\",\"2026\",\"7\",\"US-1\",\"\",\"$296.705000\",\"$296.705000\",\"$0.00\",\"$0.00\",\"$0.00\",\"$296.705000\",\"Order\",\"Online\",\"\",,\"\",,,\"\",\"\",\"US\"\n"
                + "\"08/11/2026\",\"08/10/2026 09:03\",\"Aug\",\"2026\",\"7\",\"US-1\",\"R-1\",\"$-1,297.27\",\"-$1,297.27\",\"$0.00\",\"$0.00\",\"$0.00\",\"-$1,297.27\",\"Dispute\",\"Online\",\"\",,\"\",,,\"\",\"\",\"US\"\n"
                + "\"08/11/2026\",\"08/10/2026 09:03\",\"Aug\",\"2026\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"Total\",\"\",\"\",,\"\",,,\"\",\"\",\"\"\n";

        List<SettlementLine> lines = parse(us, "settlements-us.csv", file);

        assertThat(lines).hasSize(2); // the row without an Afterpay Order ID is skipped
        assertThat(lines.get(0).gross()).isEqualTo(Amount.ofMinor("USD", 29671)); // 296.705 half-up
        assertThat(lines.get(0).time()).isEqualTo(Instant.parse("2026-08-10T16:03:00Z"));
        assertThat(lines.get(1).kind()).isEqualTo(LineKind.CHARGEBACK);
        assertThat(lines.get(1).gross()).isEqualTo(Amount.ofMinor("USD", -129727));
    }

    @Test
    void detectsThePartnerLayoutFromItsHeader() {
        String file = "\"Settlement Date\",\"Order Date and Time\",\"Order Month\",\"Order Year\",\"Afterpay Order ID\",\"Merchant Order ID\","
                + "\"Merchant Refund ID\",\"Presentment Amount\",\"Presentment Currency\",\"Settlement Exchange Rate\",\"Order Amount\","
                + "\"Settlement Amount\",\"Variable Rate\",\"Fixed Rate\",\"Fee Amount\",\"CBT Rate\",\"CBT Fee Amount\",\"Merchant Fee excl Tax\",\"Type\"\n"
                + "4/21/2024,4/20/2024 5:28,Apr,2024,A1,SHOP-1,,30.00,USD,1,30.00,30.00,0.05,0.3,1.80,0,0,1.80,Order\n";
        AfterpayCsvParser partner = new AfterpayCsvParser(new AfterpayOptions("USD", "M/d/yyyy", "M/d/yyyy H:mm", ZoneId.of("UTC")));

        List<SettlementLine> lines = parse(partner, "transaction.csv", file);

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.gross()).isEqualTo(Amount.ofMinor("USD", 3000));
            assertThat(line.fee()).isEqualTo(Amount.ofMinor("USD", -180));
            assertThat(line.orderReference()).contains("SHOP-1");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad amount | \"$85.95\",\"$85.95\" | \"$85.95\",\"$85,95\" | 2 | Settlement Amount",
            "bad date | \"14/03/2025\",\"12/03/2025 08:41\" | \"2025-03-14\",\"12/03/2025 08:41\" | 2 | Settlement Date",
            "wrong header | Net Settlement Amount | Net Amount | 1 | header",
            "missing column | \"Merchant Order ID\", | \"Merchant Ref\", | 1 | Merchant Order ID",
            "shifted row | \"AU\"\\n\"14/03/2025\",\"12/03/2025 09:03\" | \"AU\",\"extra\"\\n\"14/03/2025\",\"12/03/2025 09:03\" | 2 | row",
    })
    void aMalformedFileNamesFileLineAndColumn(String what, String from, String to, long line, String column) {
        String edited = text(AFTERPAY).replaceFirst(java.util.regex.Pattern.quote(from.replace("\\n", "\n")),
                java.util.regex.Matcher.quoteReplacement(to.replace("\\n", "\n")));
        assertThat(edited).isNotEqualTo(text(AFTERPAY));

        assertThatThrownBy(() -> parse(parser, AFTERPAY, edited))
                .isInstanceOfSatisfying(MalformedFileException.class, e -> {
                    assertThat(e.file()).isEqualTo(AFTERPAY);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                });
    }

    /** The sample with the first row's Settlement Amount and Net Settlement Amount replaced by {@code amount}. */
    private static String firstRowAmounts(String amount) {
        String from = "\"$85.95\",\"$85.95\",\"$5.46\",\"$0.55\",\"$6.00\",\"$79.95\"";
        String edited = text(AFTERPAY).replace(from, "\"$85.95\",\"" + amount + "\",\"$0.00\",\"$0.00\",\"$0.00\",\"" + amount + "\"");
        assertThat(edited).isNotEqualTo(text(AFTERPAY));
        return edited;
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(delimiter = '|', value = {
            "$85.95 | 8595",
            "$0.00 | 0",
            "-$120.00 | -12000",
            "$1,249.00 | 124900",
            "$1249.00 | 124900",
            "-$1,234,567.89 | -123456789",
            "$296.705000 | 29671",
            "-$296.705000 | -29671",
            "$266.145 | 26615",
            "' $85.95 ' | 8595",
    })
    void theDocumentedNotationsReadExactly(String amount, long minor) {
        List<SettlementLine> lines = parse(parser, AFTERPAY, firstRowAmounts(amount));

        assertThat(lines).hasSize(20);
        assertThat(lines.get(0).gross()).isEqualTo(Amount.ofMinor("AUD", minor));
        assertThat(lines.get(0).net()).isEqualTo(Amount.ofMinor("AUD", minor));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "\u2212$120.00", // the typographic minus sign: not in any export
            "\u2013$85.95", // en dash
            "\u2014$85.95", // em dash
            "NZ$85.95", "A$85.95", "US$85.95", "\u20ac85.95", "\u00a385.95", "USD85.95", "USD 85.95", "AUD 85.95", "85.95 AUD",
            "85.95", "-85.95", "$85", "$85.9", "$85.9500000", "$,85.95", "$1,24.00", "$1,2490.00", "$85,95", "$85.95.00",
            "$-85.95", "- $85.95", "$ 85.95", "--$85.95", "-$-85.95", "+$85.95", "($85.95)", "$85.95-", "$\uff18\uff15.95", "$\u0668\u0665.95",
    })
    void everyOtherNotationIsRefusedNamingFileLineAndColumn(String amount) {
        String edited = firstRowAmounts(amount);

        assertThatThrownBy(() -> parse(parser, AFTERPAY, edited))
                .isInstanceOfSatisfying(MalformedFileException.class, e -> {
                    assertThat(e.code()).isEqualTo("malformed_input");
                    assertThat(e.file()).isEqualTo(AFTERPAY);
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo("Settlement Amount");
                });
    }

    @Test
    void aCurrencyOtherThanTheFilesIsRefusedNotConverted() {
        AfterpayCsvParser uk = new AfterpayCsvParser(new AfterpayOptions("GBP", "dd/MM/yyyy", "dd/MM/yyyy HH:mm", ZoneId.of("Europe/London")));

        // a Clearpay (GBP) export writes pounds; dollars in it are another currency
        assertThat(parse(uk, "clearpay.csv", text(AFTERPAY).replace("$", "\u00a3")).get(6).gross()).isEqualTo(Amount.ofMinor("GBP", 124900));
        assertThatThrownBy(() -> parse(uk, "clearpay.csv", text(AFTERPAY)))
                .isInstanceOfSatisfying(MalformedFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo("Settlement Amount");
                    assertThat(e.getMessage()).contains("GBP");
                });
    }

    @Test
    void aTruncatedQuotedFieldIsMalformed() {
        String file = text(AFTERPAY);
        String truncated = file.substring(0, file.indexOf("\"SHOP-20452\"") + 4);

        assertThatThrownBy(() -> parse(parser, AFTERPAY, truncated))
                .isInstanceOfSatisfying(MalformedFileException.class, e -> assertThat(e.line()).isEqualTo(3));
    }

    @Test
    void optionsValidate() {
        assertThatThrownBy(() -> new AfterpayOptions("aud", "dd/MM/yyyy", "dd/MM/yyyy HH:mm", ZoneId.of("UTC")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("currency"));
        assertThatThrownBy(() -> new AfterpayOptions("AUD", "dd/MM/yyyy{", "dd/MM/yyyy HH:mm", ZoneId.of("UTC")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("date_format"));
    }
}
