package io.settlekit.billing.reminder;

import io.settlekit.billing.BillingDates;
import io.settlekit.billing.MerchantIds;
import java.time.LocalDate;

/**
 * What makes a reminder send unique: a merchant is reminded at most once per period and day.
 *
 * @param merchantId   the merchant
 * @param periodBegin  the first date of the period the reminder is about
 * @param reminderDate the day of the reminder
 */
public record ReminderKey(String merchantId, LocalDate periodBegin, LocalDate reminderDate) {
    /** Validates every field. */
    public ReminderKey {
        merchantId = MerchantIds.check("merchant_id", merchantId);
        BillingDates.check("period_begin", periodBegin);
        BillingDates.check("reminder_date", reminderDate);
    }
}
