package io.settlekit.billing;

import io.settlekit.internal.Checks;
import io.settlekit.internal.Redact;
import io.settlekit.money.FeeTypeCodes;

import java.util.Optional;

/**
 * A merchant as the ledger knows it: the name shown in bills ({@code resname}), the merchant's currency
 * (its customer fee type, rule R3.3 of docs/rules.md) and the mobile number reminders go to. {@link #toString()} masks
 * the phone number.
 *
 * @param id      the host's merchant id
 * @param name    the display name
 * @param feeType the merchant's currency; every order of its ledger must be in it
 * @param phone   the mobile number for SMS reminders (E.164, e.g. {@code +8613800138000}), if known
 */
public record MerchantAccount(String id, String name, String feeType, Optional<String> phone) {
    /** The longest phone number accepted (E.164 allows 15 digits; room is left for separators). */
    public static final int MAX_PHONE_LENGTH = 32;

    /** Validates every field. */
    public MerchantAccount {
        id = MerchantIds.check("merchant_id", id);
        name = Checks.maxLength("name", Checks.notBlank("name", name), 128);
        feeType = FeeTypeCodes.check("fee_type", feeType);
        phone = Checks.present("phone", phone).map(String::strip).filter(p -> !p.isEmpty())
                .map(p -> Checks.maxLengthHidden("phone", p, MAX_PHONE_LENGTH)); // never echoed: a bad column can hold many numbers
    }

    @Override
    public String toString() {
        return "MerchantAccount[id=" + id + ", name=" + name + ", feeType=" + feeType
                + ", phone=" + phone.map(Redact::phone).orElse("none") + "]";
    }
}
