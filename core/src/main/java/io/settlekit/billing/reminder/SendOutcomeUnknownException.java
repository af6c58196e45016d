package io.settlekit.billing.reminder;

import io.settlekit.base.InfrastructureException;

/**
 * A {@link ReminderNotifier} wrote its request but got no answer (a read or call timeout, a connection
 * reset after the request left): the provider may or may not have accepted the message. Unlike the other
 * failures of {@link ReminderNotifier#send}, which mean "definitely not sent" and are retried, the
 * reminder job records this one as {@link io.settlekit.billing.reminder.ReminderStatus#UNKNOWN} and never
 * resends it before {@link ReminderNotifier#check} has said the message was not delivered. Its message
 * carries no phone number and no credential.
 */
public class SendOutcomeUnknownException extends InfrastructureException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened, already scrubbed of phone numbers
     * @param cause   the client library's exception, or {@code null}
     */
    public SendOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
