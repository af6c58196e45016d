package io.settlekit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.billing.Cycle;
import io.settlekit.billing.Plan;
import io.settlekit.billing.SettleRemind;
import io.settlekit.billing.StoredPlan;
import io.settlekit.billing.PlanStore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link PlanStore}: append-only rows returned in save order, every cycle and reminder
 * kept exactly, merchants kept apart, batch reads, and the reminder job's candidate read. Merchant ids are
 * numeric here because the seed's {@code tbl_user_pay_method.user_id} is an int. An adapter's test extends
 * this class and implements {@link #newStore()}.
 *
 * <p>Not thread-safe: a JUnit test class, one instance per test method.
 */
public abstract class PlanStoreContract {

    /** A new, empty store. */
    protected abstract PlanStore newStore();

    private static final Instant T0 = Instant.parse("2017-09-28T02:00:00Z");

    private PlanStore store;

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    private static StoredPlan row(String merchant, Cycle cycle, String effective, SettleRemind remind, int secondsAfterT0) {
        return new StoredPlan(merchant, new Plan(cycle, LocalDate.parse(effective), remind), T0.plusSeconds(secondsAfterT0));
    }

    @Test
    void anEmptyStoreHasNoRows() {
        assertThat(store.history("1001")).isEmpty();
        assertThat(store.histories(List.of("1001", "1002"))).isEmpty();
        assertThat(store.historiesWithReminders()).isEmpty();
    }

    @Test
    void keepsEveryCycleAndReminderExactlyInSaveOrder() {
        List<StoredPlan> rows = List.of(
                row("1001", new Cycle.Daily(), "2017-06-01", SettleRemind.OFF, 0),
                row("1001", new Cycle.Weekly(7, 1), "2017-07-01", SettleRemind.daysBefore(1), 1),
                row("1001", new Cycle.Monthly(31, 28), "2017-08-01", SettleRemind.daysBefore(7), 2),
                row("1001", new Cycle.Custom(365, 0), "2017-09-01", SettleRemind.OFF, 3),
                row("1001", new Cycle.Custom(13, 365), "2017-05-01", SettleRemind.daysBefore(3), 4),
                row("1001", new Cycle.Monthly(5, 10), "2017-09-01", SettleRemind.daysBefore(2), 4));
        rows.forEach(store::append);

        assertThat(store.history("1001")).containsExactlyElementsOf(rows);
    }

    @Test
    void rowsWithEqualEffectiveDatesAndEqualSaveTimesKeepTheirSaveOrder() {
        StoredPlan first = row("1001", new Cycle.Daily(), "2017-09-01", SettleRemind.OFF, 0);
        StoredPlan second = row("1001", new Cycle.Monthly(1, 5), "2017-09-01", SettleRemind.OFF, 0);
        StoredPlan third = row("1001", new Cycle.Weekly(1, 2), "2017-09-01", SettleRemind.OFF, 0);
        store.append(first);
        store.append(second);
        store.append(third);

        assertThat(store.history("1001")).containsExactly(first, second, third);
    }

    @Test
    void merchantsAreKeptApartAndReadInBatches() {
        StoredPlan a = row("1001", new Cycle.Daily(), "2017-06-01", SettleRemind.OFF, 0);
        StoredPlan b1 = row("1002", new Cycle.Weekly(1, 3), "2017-06-01", SettleRemind.OFF, 1);
        StoredPlan b2 = row("1002", new Cycle.Daily(), "2017-07-01", SettleRemind.OFF, 2);
        StoredPlan c = row("1003", new Cycle.Daily(), "2017-06-01", SettleRemind.OFF, 3);
        List.of(a, b1, c, b2).forEach(store::append);

        assertThat(store.history("1002")).containsExactly(b1, b2);
        Map<String, List<StoredPlan>> batch = store.histories(List.of("1002", "1001", "1009"));
        assertThat(batch).containsOnlyKeys("1001", "1002");
        assertThat(batch.get("1001")).containsExactly(a);
        assertThat(batch.get("1002")).containsExactly(b1, b2);
        assertThat(store.histories(List.of())).isEmpty();
    }

    @Test
    void readsLargeBatchesWhole() {
        List<String> merchants = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            String merchant = String.valueOf(100_000 + i);
            merchants.add(merchant);
            store.append(row(merchant, new Cycle.Daily(), "2017-06-01", SettleRemind.OFF, i));
        }

        Map<String, List<StoredPlan>> batch = store.histories(merchants);

        assertThat(batch).hasSize(2_500);
        assertThat(batch.get("102499")).singleElement().satisfies(r -> assertThat(r.savedAt()).isEqualTo(T0.plusSeconds(2_499)));
    }

    @Test
    void reminderCandidatesAreTheWholeHistoriesOfMerchantsWithAnyReminder() {
        StoredPlan on = row("1001", new Cycle.Monthly(5, 10), "2017-01-01", SettleRemind.daysBefore(2), 0);
        StoredPlan laterOff = row("1001", new Cycle.Monthly(5, 10), "2017-10-01", SettleRemind.OFF, 1);
        StoredPlan neverOn = row("1002", new Cycle.Monthly(5, 10), "2017-01-01", SettleRemind.OFF, 2);
        StoredPlan other = row("1003", new Cycle.Weekly(1, 1), "2017-01-01", SettleRemind.daysBefore(7), 3);
        List.of(on, neverOn, laterOff, other).forEach(store::append);

        Map<String, List<StoredPlan>> candidates = store.historiesWithReminders();

        assertThat(candidates).containsOnlyKeys("1001", "1003");
        assertThat(candidates.get("1001")).containsExactly(on, laterOff);
        assertThat(candidates.get("1003")).containsExactly(other);
    }
}
