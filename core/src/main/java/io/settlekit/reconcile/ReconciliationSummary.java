package io.settlekit.reconcile;

import io.settlekit.internal.Checks;
import io.settlekit.money.CurrencyTotals;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The totals of one reconciliation: how many items fell in each category, and per category and per
 * currency the settled gross (settlement lines' signed gross) and the expected amounts (receivables);
 * plus the files' own gross, fee and net totals per currency. Amounts of different currencies are never
 * added together.
 *
 * @param key         which reconciliation
 * @param files       the settlement files read, in order
 * @param lines       settlement lines read
 * @param receivables receivables of the day
 * @param counts      items per category (every category present, zero when none)
 * @param settled     per category, the signed gross of its settlement lines, per currency
 * @param expected    per category, the amounts of its receivables, per currency, signed like the lines
 *                    (reverse receivables negative): for matched items it equals {@code settled}
 * @param gross       the files' signed gross per currency
 * @param fees        the files' signed fees per currency
 * @param net         the files' net (gross + fee) per currency
 */
public record ReconciliationSummary(ReportKey key, List<String> files, long lines, long receivables,
                                    Map<ItemCategory, Long> counts, Map<ItemCategory, CurrencyTotals> settled,
                                    Map<ItemCategory, CurrencyTotals> expected,
                                    CurrencyTotals gross, CurrencyTotals fees, CurrencyTotals net) {

    /** Copies the collections and fills every category. */
    public ReconciliationSummary {
        Checks.present("key", key);
        files = List.copyOf(files);
        Checks.notNegative("lines", lines);
        Checks.notNegative("receivables", receivables);
        counts = complete(counts, 0L);
        settled = complete(settled, CurrencyTotals.empty());
        expected = complete(expected, CurrencyTotals.empty());
        Checks.present("gross", gross);
        Checks.present("fees", fees);
        Checks.present("net", net);
    }

    /** The number of items in {@code category}. */
    public long count(ItemCategory category) {
        return counts.get(category);
    }

    /** Whether every item matched: nothing to look into. */
    public boolean isClean() {
        return counts.entrySet().stream()
                .allMatch(e -> e.getKey() == ItemCategory.MATCHED || e.getKey() == ItemCategory.NOT_ORDER_RELATED || e.getValue() == 0);
    }

    private static <V> Map<ItemCategory, V> complete(Map<ItemCategory, V> given, V zero) {
        EnumMap<ItemCategory, V> all = new EnumMap<>(ItemCategory.class);
        for (ItemCategory category : ItemCategory.values()) {
            all.put(category, Checks.present("category " + category.code(), given).getOrDefault(category, zero));
        }
        return Collections.unmodifiableMap(all);
    }
}
