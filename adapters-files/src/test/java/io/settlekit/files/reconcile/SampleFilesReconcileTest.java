package io.settlekit.files.reconcile;

import static io.settlekit.files.SampleFiles.AFTERPAY;
import static io.settlekit.files.SampleFiles.STL;
import static io.settlekit.files.SampleFiles.input;
import static io.settlekit.files.SampleFiles.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.files.afterpay.AfterpayCsvParser;
import io.settlekit.files.afterpay.AfterpayOptions;
import io.settlekit.formats.json.ReceivableJsonLines;
import io.settlekit.files.paypal.PaypalStlParser;
import io.settlekit.reconcile.Channel;
import io.settlekit.reconcile.ItemCategory;
import io.settlekit.reconcile.ReconciledItem;
import io.settlekit.reconcile.ReconciliationSummary;
import io.settlekit.reconcile.Receivable;
import io.settlekit.reconcile.Reconciler;
import io.settlekit.reconcile.ReportKey;
import io.settlekit.reconcile.SettlementInput;
import io.settlekit.reconcile.SettlementParser;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Both sample files, parsed by the real parsers, reconciled against the sample receivables. */
class SampleFilesReconcileTest {
    private static final LocalDate DAY = LocalDate.of(2025, 3, 14);

    private final List<ReconciledItem> items = new ArrayList<>();

    private ReconciliationSummary reconcile(Channel channel, SettlementParser parser, String receivables, SettlementInput... files) {
        List<Receivable> expected = new ArrayList<>();
        new ReceivableJsonLines().read(receivables, new BufferedReader(new StringReader(text(receivables))), expected::add);
        Reconciler reconciler = new Reconciler(new ReportKey(channel, "sample", DAY), expected, items::add);
        parser.parse(List.of(files), reconciler::accept);
        return reconciler.finish(List.of(files).stream().map(SettlementInput::name).toList());
    }

    private Map<String, String> byReference(ItemCategory category) {
        return items.stream().filter(i -> i.category() == category)
                .collect(Collectors.toMap(i -> i.reference().orElse("-") + "/" + i.direction().map(d -> d.code()).orElse("-")
                        + i.line().map(l -> "/" + l.transactionId()).orElse(""), i -> i.difference().map(Object::toString).orElse(""), (a, b) -> a + "," + b));
    }

    @Test
    void thePaypalSampleReconciles() {
        ReconciliationSummary summary = reconcile(Channel.PAYPAL, new PaypalStlParser(), "receivables-paypal-20250314.jsonl", input(STL));

        assertThat(summary.lines()).isEqualTo(20);
        assertThat(summary.receivables()).isEqualTo(16);
        assertThat(summary.count(ItemCategory.MATCHED)).isEqualTo(13);
        assertThat(byReference(ItemCategory.AMOUNT_MISMATCH)).isEqualTo(Map.of("ORD-100236/forward/SYNTX000000000107", "-5.00 USD"));
        assertThat(byReference(ItemCategory.CURRENCY_MISMATCH)).containsOnlyKeys("ORD-100232/forward/SYNTX000000000102");
        assertThat(byReference(ItemCategory.MISSING_IN_SETTLEMENT)).containsOnlyKeys("ORD-100243/forward");
        assertThat(byReference(ItemCategory.UNEXPECTED_IN_SETTLEMENT)).containsOnlyKeys(
                "ORD-100240/forward/SYNTX000000000114", "ORD-100150/reverse/SYNTX000000000111");
        assertThat(byReference(ItemCategory.NOT_ORDER_RELATED)).containsOnlyKeys(
                "ORD-100150/-/SYNTX000000000112", "-/-/SYNTX000000000119", "-/-/SYNTX000000000120");
        assertThat(summary.count(ItemCategory.DUPLICATE)).isZero();
        assertThat(summary.settled().get(ItemCategory.NOT_ORDER_RELATED).asMap()).isEqualTo(Map.of("USD", -102000L, "EUR", -50000L));
        assertThat(summary.net().asMap()).isEqualTo(Map.of("USD", -57068L, "EUR", 12377L, "JPY", 12080L));
        assertThat(items).hasSize(20 + 1); // every line once, plus the missing receivable
    }

    /**
     * The sample with payment {@code ORD-100231} (T0006, 89.90 USD) carried as a debit and the USD footers
     * adjusted so that the file is consistent: the parser accepts it, and the line must not be matched.
     */
    @Test
    void aPaymentCarriedAsADebitIsNotMatched() {
        String stl = text(STL);
        String debit = stl.replace("\"T0006\",2025/03/14 00:14:22 -0700,2025/03/14 00:14:22 -0700,\"CR\",8990",
                        "\"T0006\",2025/03/14 00:14:22 -0700,2025/03/14 00:14:22 -0700,\"DR\",8990")
                .replace("\"USD\",61214,115900,0,2382,\"CR\",241836,\"CR\",184768,\"CR\",241836,\"CR\",184768",
                        "\"USD\"," + (61214 - 8990) + "," + (115900 + 8990) + ",0,2382,\"CR\",241836,\"CR\"," + (184768 - 2 * 8990)
                                + ",\"CR\",241836,\"CR\"," + (184768 - 2 * 8990));
        assertThat(debit.split("\"DR\",8990", -1)).hasSize(2);
        assertThat(debit.split(",52224,124890,", -1)).hasSize(3); // SF and RF

        ReconciliationSummary summary = reconcile(Channel.PAYPAL, new PaypalStlParser(), "receivables-paypal-20250314.jsonl",
                input(STL, debit));

        assertThat(summary.count(ItemCategory.MATCHED)).isEqualTo(12);
        assertThat(byReference(ItemCategory.AMOUNT_MISMATCH)).isEqualTo(Map.of(
                "ORD-100236/forward/SYNTX000000000107", "-5.00 USD",
                "ORD-100231/forward/SYNTX000000000101", "-179.80 USD"));
        assertThat(summary.settled().get(ItemCategory.MATCHED)).isEqualTo(summary.expected().get(ItemCategory.MATCHED));
    }

    @Test
    void theAfterpaySampleAndAResentPartReconcile() {
        AfterpayCsvParser parser = new AfterpayCsvParser(AfterpayOptions.australia());
        ReconciliationSummary summary = reconcile(Channel.AFTERPAY, parser, "receivables-afterpay-20250314.jsonl",
                input(AFTERPAY), input("afterpay-settlement-20250314-AU-resent.csv"));

        assertThat(summary.lines()).isEqualTo(22);
        assertThat(summary.count(ItemCategory.MATCHED)).isEqualTo(17);
        // the partial capture: 250.00 ordered, 150.00 settled
        assertThat(byReference(ItemCategory.AMOUNT_MISMATCH)).containsOnlyKeys(
                "SHOP-20454/forward/100900000104||Order|2025-03-14|15000");
        assertThat(byReference(ItemCategory.AMOUNT_MISMATCH)).containsValue("-100.00 AUD");
        assertThat(byReference(ItemCategory.CURRENCY_MISMATCH)).containsOnlyKeys("SHOP-20460/forward/100900000110||Order|2025-03-14|9900");
        assertThat(byReference(ItemCategory.MISSING_IN_SETTLEMENT)).containsOnlyKeys("SHOP-20467/forward");
        assertThat(byReference(ItemCategory.UNEXPECTED_IN_SETTLEMENT)).containsOnlyKeys("SHOP-20466/forward/100900000116||Order|2025-03-14|2310");
        assertThat(byReference(ItemCategory.DUPLICATE)).containsOnlyKeys(
                "SHOP-20452/forward/100900000102||Order|2025-03-14|4200", "SHOP-20463/forward/100900000113||Order|2025-03-14|41260");
        assertThat(summary.settled().get(ItemCategory.DUPLICATE).asMap()).isEqualTo(Map.of("AUD", 45460L));
    }

    @Test
    void togetherTheSamplesExerciseEveryCategory() {
        reconcile(Channel.PAYPAL, new PaypalStlParser(), "receivables-paypal-20250314.jsonl", input(STL));
        reconcile(Channel.AFTERPAY, new AfterpayCsvParser(AfterpayOptions.australia()), "receivables-afterpay-20250314.jsonl",
                input(AFTERPAY), input("afterpay-settlement-20250314-AU-resent.csv"));

        Set<ItemCategory> seen = items.stream().map(ReconciledItem::category).collect(Collectors.toCollection(() -> EnumSet.noneOf(ItemCategory.class)));
        assertThat(seen).containsExactlyInAnyOrder(ItemCategory.values());
    }
}
