package io.settlekit.settlement.port;

import io.settlekit.settlement.ReminderMessage;

/**
 * The channel settlement reminders go out through (Tencent Cloud SMS, a webhook for WeChat-style pushes).
 * One call sends one message to one merchant; a notifier does not retry on its own (the reminder job
 * retries failed sends on its next run).
 */
public interface ReminderNotifier {

    /**
     * Sends {@code message}.
     *
     * @return the provider's reference of the sent message (an SMS serial number, a push id), never blank
     * @throws io.settlekit.SettlekitException when the message was not sent:
     *         {@link io.settlekit.ProviderException} when the provider refused it,
     *         {@link io.settlekit.InfrastructureException} when it could not be reached,
     *         {@link io.settlekit.ValidationException} when the message cannot be sent on this channel
     *         (e.g. the merchant has no phone number)
     */
    String send(ReminderMessage message);
}
