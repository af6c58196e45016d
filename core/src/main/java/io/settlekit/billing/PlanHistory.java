package io.settlekit.billing;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A merchant's plans as they govern time (rules R5.1 and R5.6 of docs/rules.md): saved plans ordered by effective date, where a
 * later save replaces an earlier one with the same effective date. Plan <i>i</i> governs from its
 * effective date to the day before the next plan's; the earliest plan also governs every earlier date.
 * Immutable.
 *
 * <p>Thread-safe: immutable (arrays copied at construction and never exposed or written).
 */
public final class PlanHistory {
    private final LocalDate[] effective;
    private final Plan[] plans;

    private PlanHistory(List<Plan> governing) {
        this.plans = governing.toArray(Plan[]::new);
        this.effective = governing.stream().map(Plan::effectiveDate).toArray(LocalDate[]::new);
    }

    /**
     * The history of plans given in save order (oldest save first).
     *
     * @throws ValidationException ({@code missing_field} {@code plans}) when there is no plan
     */
    public static PlanHistory of(List<Plan> plansInSaveOrder) {
        Checks.present("plans", plansInSaveOrder);
        if (plansInSaveOrder.isEmpty()) {
            throw ValidationException.missing("plans");
        }
        TreeMap<LocalDate, Plan> byDate = new TreeMap<>();
        for (int i = 0; i < plansInSaveOrder.size(); i++) {
            Plan plan = Checks.present("plans[" + i + "]", plansInSaveOrder.get(i));
            byDate.put(plan.effectiveDate(), plan); // a later save with the same date wins
        }
        return new PlanHistory(new ArrayList<>(byDate.values()));
    }

    /** The history of stored rows given in save order. */
    public static PlanHistory ofStored(List<StoredPlan> rowsInSaveOrder) {
        return of(Checks.present("plans", rowsInSaveOrder).stream().map(StoredPlan::plan).toList());
    }

    /** The governing plans, by effective date (replaced saves left out). */
    public List<Plan> plans() {
        return List.of(plans);
    }

    /** The plan governing {@code date}. */
    public Plan planAt(LocalDate date) {
        return plans[indexAt(date)];
    }

    int size() {
        return plans.length;
    }

    Plan plan(int index) {
        return plans[index];
    }

    LocalDate effective(int index) {
        return effective[index];
    }

    /** The index of the plan governing {@code date}: the last one effective on or before it, else the first. */
    int indexAt(LocalDate date) {
        int low = 0;
        int high = effective.length - 1;
        int found = 0;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (effective[mid].isAfter(date)) {
                high = mid - 1;
            } else {
                found = mid;
                low = mid + 1;
            }
        }
        return found;
    }

    /** The largest settle lag of any plan, bounding how far back a still-pending period may end. */
    int maxSettleLag() {
        int lag = 0;
        for (Plan plan : plans) {
            lag = Math.max(lag, plan.cycle().maxSettleLag());
        }
        return lag;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PlanHistory that && List.of(plans).equals(List.of(that.plans));
    }

    @Override
    public int hashCode() {
        return List.of(plans).hashCode();
    }

    @Override
    public String toString() {
        return "PlanHistory" + List.of(plans);
    }
}
