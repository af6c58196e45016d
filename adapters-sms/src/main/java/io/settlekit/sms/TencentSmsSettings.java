package io.settlekit.sms;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;
import io.settlekit.billing.reminder.ReminderTemplate;

import java.util.List;

/**
 * What a Tencent Cloud SMS reminder is sent with: the SMS application, the approved signature and
 * template, and which of the reminder's named values fill the template's {@code {1}}, {@code {2}}, …
 * placeholders, in order. No secrets here: credentials stay in the host's {@code SmsClient}.
 *
 * @param sdkAppId       the SMS application id ({@code SmsSdkAppId}), digits
 * @param signName       the approved signature ({@code SignName}), e.g. 观麦科技
 * @param templateId     the approved template id ({@code TemplateId}), digits
 * @param templateParams the reminder values for the template's parameters, in order, each one of
 *                       {@link ReminderTemplate#PLACEHOLDERS}, e.g. {@code [merchant, period_begin, period_end, amount_due, deadline]}
 */
public record TencentSmsSettings(String sdkAppId, String signName, String templateId, List<String> templateParams) {
    /** Validates every field. */
    public TencentSmsSettings {
        sdkAppId = digits("sdk_app_id", sdkAppId);
        signName = Checks.maxLength("sign_name", Checks.notBlank("sign_name", signName), 64);
        templateId = digits("template_id", templateId);
        templateParams = List.copyOf(Checks.present("template_params", templateParams));
        for (int i = 0; i < templateParams.size(); i++) {
            String name = templateParams.get(i);
            if (!ReminderTemplate.PLACEHOLDERS.contains(name)) {
                throw ValidationException.invalid("template_params[" + i + "]", name, "is not one of " + ReminderTemplate.PLACEHOLDERS);
            }
        }
    }

    private static String digits(String field, String value) {
        String checked = Checks.notBlank(field, value);
        if (!checked.matches("[0-9]{1,20}")) {
            throw ValidationException.invalid(field, value, "must be the digits Tencent Cloud assigned");
        }
        return checked;
    }
}
