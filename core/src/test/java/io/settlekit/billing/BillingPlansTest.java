package io.settlekit.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.Settlekit;
import io.settlekit.base.SettlekitException;
import io.settlekit.access.Actor;
import io.settlekit.access.Permission;
import io.settlekit.money.Amount;
import io.settlekit.billing.memory.InMemoryMerchantLedger;
import io.settlekit.billing.memory.InMemoryPlanStore;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Saving plans, the legacy weekly default and the bills use case through the public builder. */
class BillingPlansTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    // 00:30 in Shanghai is still the previous day in UTC: "today" must be read in the zone
    private static final Clock CLOCK = Clock.fixed(ZonedDateTime.of(2017, 9, 28, 0, 30, 0, 0, SHANGHAI).toInstant(), SHANGHAI);
    private static final Actor CLERK = Actor.user("clerk");
    private static final Actor MANAGER = Actor.user("manager", Permission.ADD_SETTLE_REMIND);

    private final InMemoryPlanStore store = new InMemoryPlanStore();
    private final InMemoryMerchantLedger ledger = new InMemoryMerchantLedger();
    private final Settlekit kit = Settlekit.embedded().clock(CLOCK).zone(SHANGHAI).planStore(store).merchantLedger(ledger).build();

    private static Plan monthly(String effective, SettleRemind remind) {
        return new Plan(new Cycle.Monthly(5, 10), LocalDate.parse(effective), remind);
    }

    @Test
    void aReminderNeedsAddSettleRemindElseItIsStoredAsOff() {
        StoredPlan byClerk = kit.billingPlans().save(CLERK, "1001", monthly("2017-10-01", SettleRemind.daysBefore(2)));
        StoredPlan byManager = kit.billingPlans().save(MANAGER, "1002", monthly("2017-10-01", SettleRemind.daysBefore(2)));
        StoredPlan byAdmin = kit.billingPlans().save(Actor.admin("root"), "1003", monthly("2017-10-01", SettleRemind.daysBefore(3)));

        assertThat(byClerk.plan().remind()).isEqualTo(SettleRemind.OFF);
        assertThat(byManager.plan().remind()).isEqualTo(SettleRemind.daysBefore(2));
        assertThat(byAdmin.plan().remind()).isEqualTo(SettleRemind.daysBefore(3));
        assertThat(store.history("1001").get(store.history("1001").size() - 1).plan().remind()).isEqualTo(SettleRemind.OFF);
        assertThat(byClerk.savedAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void aLegacyMerchantWithoutRowsGetsWeeklySundayToSaturdaySettledMondayEffectiveToday() {
        Optional<Plan> plan = kit.billingPlans().currentPlan("2001");

        assertThat(plan).contains(new Plan(new Cycle.Weekly(7, 1), LocalDate.parse("2017-09-28"), SettleRemind.OFF));
        assertThat(kit.bills().deadline("2001", LocalDate.parse("2017-09-28"))).contains(LocalDate.parse("2017-10-02"));
        assertThat(store.history("2001")).as("reading writes nothing").isEmpty();
    }

    @Test
    void theFirstSaveOfALegacyMerchantKeepsItsOldPeriodsBeforeTheChange() {
        kit.billingPlans().save(CLERK, "2002", monthly("2017-10-05", SettleRemind.OFF));

        BillingCalendar calendar = kit.billingPlans().calendar("2002").orElseThrow();
        assertThat(store.history("2002")).hasSize(2);
        assertThat(calendar.periodContaining(LocalDate.parse("2017-09-20")).plan().cycle()).isEqualTo(Plan.LEGACY_WEEKLY);
        assertThat(calendar.deadline(LocalDate.parse("2017-09-20"))).as("old weekly deadline").isEqualTo("2017-09-25");
        assertThat(calendar.periodContaining(LocalDate.parse("2017-10-05")).plan().cycle()).isEqualTo(new Cycle.Monthly(5, 10));
        assertThat(calendar.periodContaining(LocalDate.parse("2017-10-03")).end()).as("short trailing weekly period")
                .isEqualTo("2017-10-04");
    }

    @Test
    void aBackdatedFirstSaveStillKeepsTheLegacyPeriodsBeforeIt() {
        kit.billingPlans().save(CLERK, "2003", monthly("2017-09-05", SettleRemind.OFF));

        BillingCalendar calendar = kit.billingPlans().calendar("2003").orElseThrow();
        assertThat(calendar.planAt(LocalDate.parse("2017-09-04")).cycle()).isEqualTo(Plan.LEGACY_WEEKLY);
        assertThat(calendar.planAt(LocalDate.parse("2017-09-05")).cycle()).isEqualTo(new Cycle.Monthly(5, 10));
        assertThat(calendar.planAt(LocalDate.parse("2017-09-28")).cycle()).isEqualTo(new Cycle.Monthly(5, 10));
    }

    @Test
    void withoutTheLegacyDefaultAMerchantWithoutRowsHasNoCalendar() {
        Settlekit strict = Settlekit.embedded().clock(CLOCK).legacyWeekly(LegacyWeeklyMerchants.NONE).build();

        assertThat(strict.billingPlans().calendar("3001")).isEmpty();
        assertThat(strict.bills().bill("3001", LocalDate.parse("2017-09-28"))).isEmpty();
        strict.billingPlans().save(CLERK, "3001", monthly("2017-10-01", SettleRemind.OFF));
        assertThat(strict.billingPlans().rows("3001")).hasSize(1);
    }

    @Test
    void billsOfManyMerchantsComeFromTheLedgerInOneBatch() {
        kit.billingPlans().save(CLERK, "1001", monthly("2017-01-01", SettleRemind.OFF));
        ledger.put(new MerchantAccount("1001", "鲜果坊", "CNY", Optional.of("+8613800138000")))
                .put(new MerchantAccount("2001", "港岛鲜蔬", "HKD", Optional.empty()))
                .record("1001", LedgerOrder.of("PL1", LocalDate.parse("2017-09-06"), "CNY", 400, 100, 10))
                .record("2001", LedgerOrder.of("HK1", LocalDate.parse("2017-09-26"), "HKD", 700, 0, 10));

        Map<String, Bill> bills = kit.bills().bills(List.of("1001", "2001", "9999"), LocalDate.parse("2017-09-28"));

        assertThat(bills).containsOnlyKeys("1001", "2001");
        assertThat(bills.get("1001").pay()).isEqualTo(Amount.ofMinor("CNY", 300));
        assertThat(bills.get("2001").total()).isEqualTo(Amount.ofMinor("HKD", 700));
        assertThat(bills.get("2001").period().begin()).as("legacy weekly").isEqualTo("2017-09-24");
        assertThat(kit.bills().unpaidList("1001", LocalDate.parse("2017-09-28")).orElseThrow().currentOrders())
                .extracting(LedgerOrder::id).containsExactly("PL1");
        assertThat(kit.bills().unpaidList("9999", LocalDate.parse("2017-09-28"))).as("not in the ledger").isEmpty();
    }

    @Test
    void badInputNamesTheFieldAndSavesNothing() {
        assertThatThrownBy(() -> kit.billingPlans().save(CLERK, " ", monthly("2017-10-01", SettleRemind.OFF)))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.field()).contains("merchant_id"));
        assertThatThrownBy(() -> kit.billingPlans().save(CLERK, "1001", null))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.field()).contains("plan"));
        assertThatThrownBy(() -> kit.billingPlans().save(null, "1001", monthly("2017-10-01", SettleRemind.OFF)))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.field()).contains("actor"));
        assertThatThrownBy(() -> new Plan(new Cycle.Daily(), LocalDate.parse("1899-12-31"), SettleRemind.OFF))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.field()).contains("effective_date"));
        assertThat(store.history("1001")).isEmpty();
    }
}
