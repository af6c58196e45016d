package io.settlekit.billing;

import io.settlekit.internal.Checks;

import java.time.LocalDate;

/**
 * A merchant's settlement plan (rule R5.1 of docs/rules.md): a cycle, the date from which it governs, and the reminder
 * setting.
 *
 * @param cycle         how periods are cut and settled
 * @param effectiveDate the first date the plan governs (and the anchor of custom periods)
 * @param remind        the reminder setting
 */
public record Plan(Cycle cycle, LocalDate effectiveDate, SettleRemind remind) {
    /** The plan a merchant of the old system gets when it has no plan row: Sunday–Saturday, settled Monday. */
    public static final Cycle LEGACY_WEEKLY = new Cycle.Weekly(7, 1);

    /** Validates every field. */
    public Plan {
        Checks.present("pay_method", cycle);
        BillingDates.check("effective_date", effectiveDate);
        Checks.present("settle_remind", remind);
    }

    /** The legacy weekly plan, reminders off, effective from {@code effectiveDate}. */
    public static Plan legacyWeekly(LocalDate effectiveDate) {
        return new Plan(LEGACY_WEEKLY, effectiveDate, SettleRemind.OFF);
    }

    /** This plan with another reminder setting. */
    public Plan withRemind(SettleRemind other) {
        return new Plan(cycle, effectiveDate, other);
    }
}
