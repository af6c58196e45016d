package io.settlekit.billing.reminder;

import io.settlekit.billing.MerchantAccount;
import io.settlekit.billing.Period;
import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a settlement reminder, with placeholders in braces. Known placeholders: {@code {merchant}}
 * (the merchant's name), {@code {merchant_id}}, {@code {amount_due}} (major units, e.g. {@code 275.00}),
 * {@code {fee_type}}, {@code {deadline}}, {@code {period_begin}}, {@code {period_end}} and
 * {@code {reminder_date}} (dates as {@code yyyy-MM-dd}). The same values are handed to notifiers as named
 * parameters (an SMS provider's template takes them in its own order).
 *
 * @param text the template text; every placeholder in it must be a known one
 */
public record ReminderTemplate(String text) {
    // declared before DEFAULT: the constructor of DEFAULT needs it
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    /** The names of the placeholders, in the order of {@link ReminderMessage#params()}. */
    public static final List<String> PLACEHOLDERS = List.of(
            "merchant", "merchant_id", "amount_due", "fee_type", "deadline", "period_begin", "period_end", "reminder_date");

    /** The default text (Chinese, like the hosts' merchants). */
    public static final ReminderTemplate DEFAULT = new ReminderTemplate(
            "【结算提醒】{merchant}您好,您{period_begin}至{period_end}账期待结算金额{amount_due}{fee_type},请于{deadline}前完成结算。");

    /** Validates the placeholders. */
    public ReminderTemplate {
        text = Checks.maxLength("template", Checks.notBlank("template", text), 1000);
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group(1))) {
                throw ValidationException.invalid("template", matcher.group(), "is not one of the placeholders " + PLACEHOLDERS);
            }
        }
    }

    /** The text with every placeholder replaced by its value in {@code params}. */
    public String render(Map<String, String> params) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(params.getOrDefault(matcher.group(1), "")));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The named values of a reminder, in {@link #PLACEHOLDERS} order. */
    static Map<String, String> params(MerchantAccount merchant, Period period, io.settlekit.money.Amount due, ReminderKey key) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("merchant", merchant.name());
        params.put("merchant_id", merchant.id());
        params.put("amount_due", due.toMajor().toPlainString());
        params.put("fee_type", due.feeType());
        params.put("deadline", period.settle().toString());
        params.put("period_begin", period.begin().toString());
        params.put("period_end", period.end().toString());
        params.put("reminder_date", key.reminderDate().toString());
        return params;
    }
}
