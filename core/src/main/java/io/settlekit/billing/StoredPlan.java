package io.settlekit.billing;

import io.settlekit.internal.Checks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One saved row of a merchant's plan history ({@code tbl_user_pay_method}).
 *
 * @param merchantId the host's merchant id
 * @param plan       the plan as saved
 * @param savedAt    when it was saved, to the second (the seed's {@code create_time})
 */
public record StoredPlan(String merchantId, Plan plan, Instant savedAt) {
    /** Validates every field. */
    public StoredPlan {
        merchantId = MerchantIds.check("merchant_id", merchantId);
        Checks.present("plan", plan);
        savedAt = Checks.present("saved_at", savedAt).truncatedTo(ChronoUnit.SECONDS);
    }
}
