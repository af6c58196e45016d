package io.settlekit.billing.reminder;

import io.settlekit.billing.MerchantAccount;
import io.settlekit.billing.Period;
import io.settlekit.internal.Checks;
import io.settlekit.money.Amount;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One reminder to one merchant, as handed to a {@link io.settlekit.billing.reminder.ReminderNotifier}.
 * {@link #toString()} shows no phone number.
 *
 * @param key       merchant, period and reminder date (also the idempotency key of the send)
 * @param merchant  the recipient
 * @param period    the period the reminder is about
 * @param amountDue {@code pay_price + history_pay_price} at the reminder date
 * @param params    the template's named values, in {@link ReminderTemplate#PLACEHOLDERS} order
 * @param text      the rendered text
 */
public record ReminderMessage(ReminderKey key, MerchantAccount merchant, Period period, Amount amountDue,
                              Map<String, String> params, String text) {
    /** Validates and copies. */
    public ReminderMessage {
        Checks.present("key", key);
        Checks.present("merchant", merchant);
        Checks.present("period", period);
        Checks.present("amount_due", amountDue);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(Checks.present("params", params)));
        text = Checks.notBlank("text", text);
    }

    /** The message of {@code template} for a merchant owing {@code amountDue} for {@code period}. */
    public static ReminderMessage render(ReminderTemplate template, ReminderKey key, MerchantAccount merchant,
                                         Period period, Amount amountDue) {
        Map<String, String> params = ReminderTemplate.params(merchant, period, amountDue, key);
        return new ReminderMessage(key, merchant, period, amountDue, params, template.render(params));
    }
}
