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
import io.settlekit.money.Amount;
import io.settlekit.reconcile.Channel;
import io.settlekit.reconcile.ItemCategory;
import io.settlekit.reconcile.ReconciledItem;
import io.settlekit.reconcile.ReconciliationSummary;
import io.settlekit.reconcile.Receivable;
import io.settlekit.reconcile.Reconciler;
import io.settlekit.reconcile.ReportKey;
import io.settlekit.reconcile.SettlementParser;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files that are <em>accepted</em> and must be reconciled exactly: the sample files with random mutations
 * of their matched rows (an amount raised, the sign flipped, the order reference changed, the row dropped,
 * the row delivered twice; PayPal footers and counts recomputed so that the file stays consistent), and the
 * outcome computed independently of the reconciler from the mutations alone: the count of every category,
 * the category and difference of each mutated row, the gross per currency, and matched settled = matched
 * expected.
 */
class AcceptedMutationsTest {
    private static final LocalDate DAY = LocalDate.of(2025, 3, 14);

    /** Baseline outcome of each sample alone (asserted by {@link SampleFilesReconcileTest}, and by hand from the files). */
    private static final Map<ItemCategory, Long> PAYPAL_BASELINE = counts(13, 1, 1, 1, 2, 0, 3);
    private static final Map<ItemCategory, Long> AFTERPAY_BASELINE = counts(17, 1, 1, 1, 1, 0, 0);
    /** The rows matched in the baseline, by transaction id (PayPal) or line (Afterpay): the ones mutated. */
    private static final List<String> PAYPAL_MATCHED = IntStream.of(101, 103, 104, 105, 106, 108, 109, 110, 113, 115, 116, 117, 118)
            .mapToObj(n -> "SYNTX000000000" + n).toList();
    private static final List<Integer> AFTERPAY_MATCHED = List.of(2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17, 18, 19, 20);

    enum Mutation { RAISE, FLIP, RENAME, DROP, TWICE }

    private static Map<ItemCategory, Long> counts(long matched, long amount, long currency, long missing, long unexpected, long duplicate, long other) {
        Map<ItemCategory, Long> counts = new EnumMap<>(ItemCategory.class);
        counts.put(ItemCategory.MATCHED, matched);
        counts.put(ItemCategory.AMOUNT_MISMATCH, amount);
        counts.put(ItemCategory.CURRENCY_MISMATCH, currency);
        counts.put(ItemCategory.MISSING_IN_SETTLEMENT, missing);
        counts.put(ItemCategory.UNEXPECTED_IN_SETTLEMENT, unexpected);
        counts.put(ItemCategory.DUPLICATE, duplicate);
        counts.put(ItemCategory.NOT_ORDER_RELATED, other);
        return counts;
    }

    /** 150 random mutation sets per provider, reproducible by seed. */
    static Stream<Long> seeds() {
        return java.util.stream.LongStream.rangeClosed(1, 150).boxed();
    }

    /** What the test expects of one mutated row. */
    private record Expected(ItemCategory category, long difference) {
    }

    // ---------------------------------------------------------------- PayPal

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void paypalMutationsReconcileAsComputed(long seed) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>(text(STL).lines().toList());
        Map<ItemCategory, Long> counts = new EnumMap<>(PAYPAL_BASELINE);
        Map<String, Expected> mutated = new HashMap<>(); // by transaction id, for amount mismatches
        List<String> pool = new ArrayList<>(PAYPAL_MATCHED);
        java.util.Collections.shuffle(pool, random);
        int n = 1 + random.nextInt(5);
        for (String id : pool.subList(0, n)) {
            int at = indexOfRow(lines, id);
            String[] f = lines.get(at).split(",", -1);
            long perMinor = unquote(f[10]).equals("JPY") ? 100 : 1; // STL amounts are hundredths for every currency
            long size = Long.parseLong(f[9]) / perMinor;
            Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
            switch (mutation) {
                case RAISE -> {
                    long k = 1 + random.nextInt(5_000);
                    f[9] = Long.toString((size + k) * perMinor);
                    lines.set(at, String.join(",", f));
                    mutated.put(id, new Expected(ItemCategory.AMOUNT_MISMATCH, k));
                    move(counts, ItemCategory.MATCHED, ItemCategory.AMOUNT_MISMATCH);
                }
                case FLIP -> {
                    f[8] = f[8].equals("\"CR\"") ? "\"DR\"" : "\"CR\"";
                    lines.set(at, String.join(",", f));
                    mutated.put(id, new Expected(ItemCategory.AMOUNT_MISMATCH, -2 * size));
                    move(counts, ItemCategory.MATCHED, ItemCategory.AMOUNT_MISMATCH);
                }
                case RENAME -> {
                    f[2] = "\"ORD-MUTATED-" + id + "\"";
                    lines.set(at, String.join(",", f));
                    move(counts, ItemCategory.MATCHED, ItemCategory.UNEXPECTED_IN_SETTLEMENT);
                    counts.merge(ItemCategory.MISSING_IN_SETTLEMENT, 1L, Long::sum);
                }
                case DROP -> {
                    lines.remove(at);
                    move(counts, ItemCategory.MATCHED, ItemCategory.MISSING_IN_SETTLEMENT);
                }
                case TWICE -> {
                    lines.add(at + 1, lines.get(at));
                    counts.merge(ItemCategory.DUPLICATE, 1L, Long::sum);
                }
            }
        }
        String file = withFooters(lines);

        Outcome outcome = reconcile(Channel.PAYPAL, new PaypalStlParser(), "receivables-paypal-20250314.jsonl", file);

        assertThat(outcome.summary.counts()).as("seed %d: %s", seed, mutated).isEqualTo(counts);
        mutated.forEach((id, expected) -> assertThat(outcome.byTransaction.get(id)).as("seed %d, %s", seed, id)
                .isEqualTo(expected));
        assertThat(outcome.summary.gross().asMap()).isEqualTo(paypalGross(file));
        assertThat(outcome.summary.settled().get(ItemCategory.MATCHED)).isEqualTo(outcome.summary.expected().get(ItemCategory.MATCHED));
    }

    private static int indexOfRow(List<String> lines, String id) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("\"SB\",\"" + id + "\"")) {
                return i;
            }
        }
        throw new AssertionError("no row " + id);
    }

    /** The file with its SF, SC, RF, RC and FF rows recomputed from its SB rows, as PayPal would write them. */
    private static String withFooters(List<String> lines) {
        List<String> head = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        Map<String, String[]> originalFooters = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.startsWith("\"SB\"")) {
                rows.add(line);
            } else if (line.startsWith("\"SF\"")) {
                originalFooters.put(unquote(line.split(",", -1)[1]), line.split(",", -1));
            } else if (!line.startsWith("\"SC\"") && !line.startsWith("\"RF\"") && !line.startsWith("\"RC\"") && !line.startsWith("\"FF\"")) {
                head.add(line);
            }
        }
        Map<String, long[]> sums = new LinkedHashMap<>(); // gross CR, gross DR, fee CR, fee DR, count
        for (String row : rows) {
            String[] f = row.split(",", -1);
            long[] s = sums.computeIfAbsent(unquote(f[10]), c -> new long[5]);
            s[f[8].equals("\"CR\"") ? 0 : 1] += Long.parseLong(f[9]);
            if (!f[12].isEmpty()) {
                s[f[11].equals("\"CR\"") ? 2 : 3] += Long.parseLong(f[12]);
            }
            s[4]++;
        }
        List<String> footers = new ArrayList<>();
        for (Map.Entry<String, String[]> original : originalFooters.entrySet()) {
            long[] s = sums.get(original.getKey());
            if (s == null) {
                continue; // every row of the currency was dropped: no footer for it
            }
            String[] f = original.getValue().clone();
            f[2] = Long.toString(s[0]);
            f[3] = Long.toString(s[1]);
            f[4] = Long.toString(s[2]);
            f[5] = Long.toString(s[3]);
            long begin = Long.parseLong(f[7]);
            long end = begin + s[0] - s[1] + s[2] - s[3];
            f[8] = end < 0 ? "\"DR\"" : "\"CR\"";
            f[9] = Long.toString(Math.abs(end));
            f[12] = f[8];
            f[13] = f[9];
            f[18] = Long.toString(s[4]);
            footers.add(String.join(",", f));
        }
        List<String> file = new ArrayList<>(head);
        file.addAll(rows);
        file.addAll(footers);
        file.add("\"SC\"," + rows.size());
        footers.forEach(footer -> file.add("\"RF\"" + footer.substring(4)));
        file.add("\"RC\"," + rows.size());
        file.add("\"FF\"," + rows.size());
        return String.join("\n", file) + "\n";
    }

    /** The signed gross per currency of an STL text, in minor units, read by the test itself. */
    private static Map<String, Long> paypalGross(String file) {
        Map<String, Long> gross = new TreeMap<>();
        file.lines().filter(l -> l.startsWith("\"SB\"")).forEach(line -> {
            String[] f = line.split(",", -1);
            String currency = unquote(f[10]);
            long minor = Long.parseLong(f[9]) / (currency.equals("JPY") ? 100 : 1);
            gross.merge(currency, f[8].equals("\"CR\"") ? minor : -minor, Long::sum);
        });
        return gross;
    }

    // ---------------------------------------------------------------- Afterpay

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void afterpayMutationsReconcileAsComputed(long seed) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>(text(AFTERPAY).lines().toList());
        Map<ItemCategory, Long> counts = new EnumMap<>(AFTERPAY_BASELINE);
        Map<String, Expected> mutated = new HashMap<>(); // by Afterpay order id + type, for amount mismatches
        List<Integer> pool = new ArrayList<>(AFTERPAY_MATCHED);
        java.util.Collections.shuffle(pool, random);
        List<Integer> chosen = new ArrayList<>(pool.subList(0, 1 + random.nextInt(5)));
        chosen.sort(java.util.Comparator.reverseOrder()); // from the end: dropping or doubling a row moves none still to come
        for (int number : chosen) {
            int at = number - 1;
            String[] f = lines.get(at).split("\",\"", -1); // the sample quotes every field it has values in
            String key = f[4] + "|" + f[13];
            long settled = minor(f[8]);
            long net = minor(f[12]);
            Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
            switch (mutation) {
                case RAISE -> {
                    long k = 1 + random.nextInt(5_000);
                    long raised = settled < 0 ? settled - k : settled + k; // a refund refunds more
                    f[8] = money(raised);
                    f[12] = money(net + raised - settled);
                    mutated.put(key, new Expected(ItemCategory.AMOUNT_MISMATCH, k));
                    move(counts, ItemCategory.MATCHED, ItemCategory.AMOUNT_MISMATCH);
                }
                case FLIP -> {
                    f[8] = money(-settled);
                    f[12] = money(-net);
                    mutated.put(key, new Expected(ItemCategory.AMOUNT_MISMATCH, -2 * Math.abs(settled)));
                    move(counts, ItemCategory.MATCHED, ItemCategory.AMOUNT_MISMATCH);
                }
                case RENAME -> {
                    f[5] = "SHOP-MUTATED-" + number;
                    move(counts, ItemCategory.MATCHED, ItemCategory.UNEXPECTED_IN_SETTLEMENT);
                    counts.merge(ItemCategory.MISSING_IN_SETTLEMENT, 1L, Long::sum);
                }
                case DROP -> {
                    move(counts, ItemCategory.MATCHED, ItemCategory.MISSING_IN_SETTLEMENT);
                }
                case TWICE -> {
                    counts.merge(ItemCategory.DUPLICATE, 1L, Long::sum);
                }
            }
            String row = String.join("\",\"", f);
            switch (mutation) {
                case DROP -> lines.remove(at);
                case TWICE -> lines.add(at + 1, row);
                default -> lines.set(at, row);
            }
        }
        String file = String.join("\n", lines) + "\n";

        Outcome outcome = reconcile(Channel.AFTERPAY, new AfterpayCsvParser(AfterpayOptions.australia()),
                "receivables-afterpay-20250314.jsonl", file);

        assertThat(outcome.summary.counts()).as("seed %d: %s", seed, mutated).isEqualTo(counts);
        mutated.forEach((key, expected) -> assertThat(outcome.byAfterpayKey.get(key)).as("seed %d, %s", seed, key).isEqualTo(expected));
        long gross = file.lines().skip(1).mapToLong(l -> minor(l.split("\",\"", -1)[8])).sum();
        assertThat(outcome.summary.gross().asMap()).isEqualTo(Map.of("AUD", gross));
        assertThat(outcome.summary.settled().get(ItemCategory.MATCHED)).isEqualTo(outcome.summary.expected().get(ItemCategory.MATCHED));
    }

    /** {@code $1,249.00} or {@code -$120.00} in cents, read by the test itself. */
    private static long minor(String money) {
        String digits = money.replace("$", "").replace(",", "").replace(".", "");
        return Long.parseLong(digits);
    }

    /** Cents as the export writes them (without thousands separators, which are optional). */
    private static String money(long cents) {
        long size = Math.abs(cents);
        return (cents < 0 ? "-" : "") + "$" + size / 100 + "." + String.format("%02d", size % 100);
    }

    // ---------------------------------------------------------------- both

    private record Outcome(ReconciliationSummary summary, Map<String, Expected> byTransaction, Map<String, Expected> byAfterpayKey) {
    }

    private static Outcome reconcile(Channel channel, SettlementParser parser, String receivables, String file) {
        List<Receivable> expected = new ArrayList<>();
        new ReceivableJsonLines().read(receivables, new BufferedReader(new StringReader(text(receivables))), expected::add);
        List<ReconciledItem> items = new ArrayList<>();
        Reconciler reconciler = new Reconciler(new ReportKey(channel, "sample", DAY), expected, items::add);
        parser.parse(List.of(input(channel == Channel.PAYPAL ? STL : AFTERPAY, file)), reconciler::accept);
        ReconciliationSummary summary = reconciler.finish(List.of("f"));
        Map<String, Expected> byTransaction = new HashMap<>();
        Map<String, Expected> byAfterpayKey = new HashMap<>();
        for (ReconciledItem item : items) {
            item.line().ifPresent(line -> {
                Expected outcome = new Expected(item.category(), item.difference().map(Amount::fen).orElse(0L));
                byTransaction.put(line.transactionId(), outcome);
                String[] parts = line.transactionId().split("\\|", -1);
                if (parts.length > 2) {
                    byAfterpayKey.put(parts[0] + "|" + parts[2], outcome); // order id | type
                }
            });
        }
        return new Outcome(summary, byTransaction, byAfterpayKey);
    }

    private static void move(Map<ItemCategory, Long> counts, ItemCategory from, ItemCategory to) {
        counts.merge(from, -1L, Long::sum);
        counts.merge(to, 1L, Long::sum);
    }

    private static String unquote(String field) {
        return field.replace("\"", "");
    }
}
