package io.settlekit.billing;

import io.settlekit.internal.Checks;
import io.settlekit.access.Actor;
import io.settlekit.access.Permission;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merchants' settlement plans (rules R5 of docs/rules.md): save a plan (appending to the history), read the history
 * and the calendar, with the legacy weekly default for merchants of the old system that have no plan row.
 * Thread-safe when its store is.
 */
public final class BillingPlans {
    private static final Logger LOG = LoggerFactory.getLogger(BillingPlans.class);

    private final PlanStore store;
    private final LegacyWeeklyMerchants legacy;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param store  the plan histories
     * @param legacy which merchants without rows get the legacy weekly plan
     * @param clock  the source of "now" (save time, today)
     * @param zone   the deployment zone, in which "today" is read
     */
    public BillingPlans(PlanStore store, LegacyWeeklyMerchants legacy, Clock clock, ZoneId zone) {
        this.store = Objects.requireNonNull(store, "store");
        this.legacy = Objects.requireNonNull(legacy, "legacy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Saves a plan for a merchant: appends it to the history at the clock's current second. A reminder
     * is kept only when the actor holds {@code add_settle_remind}; otherwise the plan is stored with
     * reminders off (rule R4.3 of docs/rules.md), and the returned row says so.
     *
     * <p>The first save of a legacy weekly merchant first writes the legacy plan it had, effective the day
     * before the new plan (or today, if earlier), so that dates before the change keep their old periods
     * and deadlines.
     *
     * @return the row as stored
     * @throws io.settlekit.base.ValidationException naming the field: a missing actor or plan, or a missing or
     *         malformed merchant id (blank or longer than 64 characters); nothing is saved
     * @throws io.settlekit.base.InfrastructureException when the plan store fails
     */
    public StoredPlan save(Actor actor, String merchantId, Plan plan) {
        Checks.present("actor", actor);
        String merchant = MerchantIds.check("merchant_id", merchantId);
        Checks.present("plan", plan);
        Plan allowed = plan;
        if (plan.remind().isOn() && !actor.has(Permission.ADD_SETTLE_REMIND)) {
            LOG.debug("actor {} lacks {}: the plan of merchant {} is saved with reminders off",
                    actor.id(), Permission.ADD_SETTLE_REMIND.code(), merchant);
            allowed = plan.withRemind(SettleRemind.OFF);
        }
        if (store.history(merchant).isEmpty() && legacy.usedLegacyWeekly(merchant)) {
            LocalDate dayBefore = allowed.effectiveDate().minusDays(1);
            LocalDate today = today();
            LocalDate legacyFrom = today.isBefore(dayBefore) ? today : dayBefore;
            store.append(new StoredPlan(merchant, Plan.legacyWeekly(BillingDates.check("effective_date", legacyFrom)), clock.instant()));
        }
        StoredPlan row = new StoredPlan(merchant, allowed, clock.instant());
        store.append(row);
        return row;
    }

    /**
     * The merchant's saved rows in save order (without the legacy default).
     *
     * @throws io.settlekit.base.ValidationException naming {@code merchant_id} when it is missing or malformed
     * @throws io.settlekit.base.InfrastructureException when the plan store fails
     */
    public List<StoredPlan> rows(String merchantId) {
        return store.history(MerchantIds.check("merchant_id", merchantId));
    }

    /**
     * The merchant's plan history: its saved rows, or for a legacy weekly merchant without rows the legacy
     * plan effective today; empty for any other merchant without rows.
     *
     * @throws io.settlekit.base.ValidationException naming {@code merchant_id} when it is missing or malformed
     * @throws io.settlekit.base.InfrastructureException when the plan store fails
     */
    public Optional<PlanHistory> history(String merchantId) {
        String merchant = MerchantIds.check("merchant_id", merchantId);
        return historyOf(merchant, store.history(merchant));
    }

    /**
     * The merchant's calendar, when it has a plan history.
     *
     * @throws io.settlekit.base.ValidationException naming {@code merchant_id} when it is missing or malformed
     * @throws io.settlekit.base.InfrastructureException when the plan store fails
     */
    public Optional<BillingCalendar> calendar(String merchantId) {
        return history(merchantId).map(BillingCalendar::new);
    }

    /**
     * The plan governing today (the one the merchant-info endpoint shows), when the merchant has any.
     *
     * @throws io.settlekit.base.ValidationException naming {@code merchant_id} when it is missing or malformed
     * @throws io.settlekit.base.InfrastructureException when the plan store fails
     */
    public Optional<Plan> currentPlan(String merchantId) {
        return history(merchantId).map(h -> h.planAt(today()));
    }

    /**
     * The calendars of many merchants, read in one query per call; merchants without a history are absent.
     *
     * @throws io.settlekit.base.ValidationException naming {@code merchant_ids} when missing or when one is
     *         malformed
     * @throws io.settlekit.base.InfrastructureException when the plan store fails
     */
    public Map<String, BillingCalendar> calendars(Collection<String> merchantIds) {
        LinkedHashSet<String> merchants = new LinkedHashSet<>();
        Checks.present("merchant_ids", merchantIds).forEach(id -> merchants.add(MerchantIds.check("merchant_ids", id)));
        Map<String, List<StoredPlan>> rows = merchants.isEmpty() ? Map.of() : store.histories(merchants);
        Map<String, BillingCalendar> calendars = new LinkedHashMap<>();
        for (String merchant : merchants) {
            historyOf(merchant, rows.getOrDefault(merchant, List.of()))
                    .ifPresent(history -> calendars.put(merchant, new BillingCalendar(history)));
        }
        return calendars;
    }

    private Optional<PlanHistory> historyOf(String merchant, List<StoredPlan> rows) {
        if (!rows.isEmpty()) {
            return Optional.of(PlanHistory.ofStored(rows));
        }
        if (legacy.usedLegacyWeekly(merchant)) {
            return Optional.of(PlanHistory.of(List.of(Plan.legacyWeekly(today()))));
        }
        return Optional.empty();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
