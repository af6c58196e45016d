package io.settlekit.billing;

/**
 * Which merchants without any plan row used the old fixed weekly method (the deprecated
 * {@code tbl_user.pay_method}) and so get {@link Plan#LEGACY_WEEKLY}: Sunday to Saturday, settled on Monday
 * (rule R5.8 of docs/rules.md). The host answers from its own merchant table; by default every merchant without a plan
 * row is a legacy weekly merchant, as in the seed's system.
 */
@FunctionalInterface
public interface LegacyWeeklyMerchants {
    /** Every merchant without a plan row gets the legacy weekly plan (the default). */
    LegacyWeeklyMerchants ALL = merchantId -> true;
    /** No merchant gets a plan it did not save: merchants without rows have no calendar. */
    LegacyWeeklyMerchants NONE = merchantId -> false;

    /** Whether {@code merchantId}, which has no plan row, used the old fixed weekly method. */
    boolean usedLegacyWeekly(String merchantId);
}
