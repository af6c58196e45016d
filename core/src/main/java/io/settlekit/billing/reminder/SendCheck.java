package io.settlekit.billing.reminder;

import io.settlekit.internal.Checks;

import java.util.Optional;

/**
 * What a {@link ReminderNotifier} found out about a send whose outcome was unknown.
 *
 * @param verdict   delivered, not delivered, or still unknown
 * @param reference the provider's reference of the delivered message (e.g. an SMS serial number), when delivered
 * @param detail    how the notifier decided (for the reminder log and operators), no phone number
 */
public record SendCheck(Verdict verdict, Optional<String> reference, String detail) {
    /** The possible answers. */
    public enum Verdict {
        /** The provider accepted the message: it must not be sent again. */
        DELIVERED,
        /** The provider certainly did not deliver it: sending it again cannot make a duplicate. */
        NOT_DELIVERED,
        /** The notifier cannot tell (no way to ask, or asking failed): nothing is resent automatically. */
        UNKNOWN
    }

    /** Validates every field. */
    public SendCheck {
        Checks.present("verdict", verdict);
        Checks.present("reference", reference);
        detail = Checks.notBlank("detail", detail);
    }

    /** The message was accepted, with the provider's reference. */
    public static SendCheck delivered(String reference, String detail) {
        return new SendCheck(Verdict.DELIVERED, Optional.of(Checks.notBlank("reference", reference)), detail);
    }

    /** The message was certainly not delivered. */
    public static SendCheck notDelivered(String detail) {
        return new SendCheck(Verdict.NOT_DELIVERED, Optional.empty(), detail);
    }

    /** The notifier cannot tell. */
    public static SendCheck unknown(String detail) {
        return new SendCheck(Verdict.UNKNOWN, Optional.empty(), detail);
    }
}
