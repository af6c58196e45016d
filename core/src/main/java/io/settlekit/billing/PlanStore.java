package io.settlekit.billing;


import io.settlekit.base.Port;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The merchants' append-only plan histories ({@code tbl_user_pay_method} in the seed). Rows are returned
 * in save order (oldest first), which decides which of two plans with the same effective date wins.
 */
@Port
public interface PlanStore {

    /** Appends a plan row; never overwrites. */
    void append(StoredPlan plan);

    /** The merchant's rows in save order; empty when it has none. */
    List<StoredPlan> history(String merchantId);

    /** The rows of each of {@code merchantIds} that has any, in save order; merchants without rows are absent. */
    Map<String, List<StoredPlan>> histories(Collection<String> merchantIds);

    /**
     * The rows, in save order, of every merchant having at least one row with reminders on: the
     * candidates of the daily reminder job, read in one go.
     */
    Map<String, List<StoredPlan>> historiesWithReminders();
}
