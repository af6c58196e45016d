package io.settlekit.billing;

import io.settlekit.internal.Checks;

/**
 * Merchant ids are the host's ids as text: not blank, at most 64 characters, kept verbatim.
 *
 * <p>Thread-safe: static checks of their arguments, no state.
 */
public final class MerchantIds {
    /** The longest merchant id accepted. */
    public static final int MAX_LENGTH = 64;

    private MerchantIds() {
    }

    /** Returns {@code id} when valid, else throws naming {@code field}. */
    public static String check(String field, String id) {
        Checks.notBlank(field, id);
        return Checks.maxLength(field, id, MAX_LENGTH);
    }
}
