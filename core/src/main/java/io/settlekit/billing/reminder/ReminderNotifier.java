package io.settlekit.billing.reminder;


import io.settlekit.base.Port;
import java.time.Instant;

/**
 * The channel settlement reminders go out through (Tencent Cloud SMS, a webhook for WeChat-style pushes).
 * One call sends one message to one merchant; a notifier does not retry on its own (the reminder job
 * retries failed sends on its next run).
 *
 * <p>A notifier tells "definitely not sent" apart from "outcome unknown": a refusal, a refused connection or
 * a connect timeout (the request never reached the provider) is a plain failure, retried by the next run;
 * a request written without an answer (a read timeout) is a {@link SendOutcomeUnknownException}, which the
 * job never resends before {@link #check} has said the message was not delivered (at most once).
 */
@Port
public interface ReminderNotifier {

    /**
     * Sends {@code message}. A notifier that can {@linkplain #check check} later marks the send with
     * {@code message.key()} (merchant, period, reminder date) where the provider keeps it.
     *
     * @return the provider's reference of the sent message (an SMS serial number, a push id), never blank
     * @throws SendOutcomeUnknownException when the request was written but no answer came: it may have
     *         been delivered
     * @throws io.settlekit.base.SettlekitException when the message was certainly not sent:
     *         {@link io.settlekit.base.ProviderException} when the provider refused it,
     *         {@link io.settlekit.base.InfrastructureException} when it could not be reached,
     *         {@link io.settlekit.base.ValidationException} when the message cannot be sent on this channel
     *         (e.g. the merchant has no phone number)
     */
    String send(ReminderMessage message);

    /**
     * Finds out whether an earlier send of {@code message.key()} whose outcome was unknown reached the
     * provider. Never throws: a failure to ask is {@link SendCheck.Verdict#UNKNOWN}. The default cannot
     * tell and answers UNKNOWN, so such a send is left to an operator and never resent automatically.
     *
     * @param message     the message as it would be sent now (same key, same recipient)
     * @param attemptedAt when the unknown outcome was recorded (the send happened at most a call timeout
     *                    before)
     */
    default SendCheck check(ReminderMessage message, Instant attemptedAt) {
        return SendCheck.unknown(getClass().getSimpleName() + " cannot check whether a send was delivered");
    }
}
