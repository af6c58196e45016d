package io.settlekit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.balance.FinancialEventGroup;
import io.settlekit.balance.FinancialEventGroupSource;
import io.settlekit.testkit.balance.SampleEventGroups;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The contract of {@link FinancialEventGroupSource}: only open, live groups, each exactly once, every
 * column read back equal, currencies of open groups only, and an exception from the consumer stops the
 * scan. An adapter's test extends this class and implements {@link #sourceOf(List)}.
 *
 * <p>Not thread-safe: a JUnit test class, one instance per test method.
 */
public abstract class FinancialEventGroupSourceContract {

    /**
     * A source holding exactly {@code groups} (open or not), replacing whatever an earlier call stored.
     * Adapters whose pages are smaller than {@link #manyRows()} prove their paging on the larger tests.
     */
    protected abstract FinancialEventGroupSource sourceOf(List<FinancialEventGroup> groups);

    /** How many rows the paging test uses: more than a few of the adapter's pages. */
    protected int manyRows() {
        return 2_500;
    }

    private static List<FinancialEventGroup> read(FinancialEventGroupSource source) {
        List<FinancialEventGroup> read = new ArrayList<>();
        source.forEachOpen(read::add);
        return read;
    }

    @Test
    void anEmptySourceHasNothing() {
        FinancialEventGroupSource source = sourceOf(List.of());

        assertThat(read(source)).isEmpty();
        assertThat(source.openCurrencies()).isEmpty();
    }

    @Test
    void readsOnlyOpenLiveGroupsWithEveryColumn() {
        FinancialEventGroup full = SampleEventGroups.open(1, "USD", "1234.56");
        FinancialEventGroup minimal = SampleEventGroups.minimal(2, "JPY", "-7.50");
        FinancialEventGroup closed = SampleEventGroups.full(3, "EUR", "1.00").processingStatus("Closed").build();
        FinancialEventGroup deleted = SampleEventGroups.full(4, "GBP", "2.00").deletedAt(Instant.parse("2026-11-02T00:00:00.123Z")).build();

        FinancialEventGroupSource source = sourceOf(List.of(full, closed, minimal, deleted));

        assertThat(read(source)).containsExactlyInAnyOrder(full, minimal);
        assertThat(source.openCurrencies()).containsExactlyInAnyOrder("USD", "JPY");
    }

    @Test
    void readsManyRowsEachExactlyOnceInAStableOrder() {
        List<FinancialEventGroup> groups = SampleEventGroups.openGroups(manyRows(), "USD", "EUR", "HKD", "CNY");
        FinancialEventGroupSource source = sourceOf(groups);

        List<FinancialEventGroup> first = read(source);

        assertThat(first).hasSize(groups.size()).containsExactlyInAnyOrderElementsOf(groups);
        assertThat(read(source)).as("a second scan, same order").containsExactlyElementsOf(first);
        assertThat(source.openCurrencies()).containsExactlyInAnyOrder("USD", "EUR", "HKD", "CNY");
    }

    @Test
    void anExceptionFromTheConsumerStopsTheScan() {
        FinancialEventGroupSource source = sourceOf(SampleEventGroups.openGroups(manyRows(), "USD"));
        List<FinancialEventGroup> seen = new ArrayList<>();

        assertThatThrownBy(() -> source.forEachOpen(group -> {
            seen.add(group);
            if (seen.size() == 3) {
                throw new IllegalStateException("stop");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("stop");
        assertThat(seen).hasSize(3);
    }
}
