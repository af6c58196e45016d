package io.settlekit.money;

import java.util.Optional;

/**
 * The default-currency rule (R1.4 of docs/rules.md): a record's explicit fee type wins, else its site's default
 * currency (a Malaysian site defaults to MYR), else CNY.
 *
 * <p>Thread-safe: static constants and functions only.
 */
public final class DefaultFeeType {
    private DefaultFeeType() {
    }

    /**
     * Decides a record's fee type.
     *
     * @param explicit    the record's own fee type, if it has one
     * @param siteDefault the default currency of the record's site, if the site has one
     * @return the decided, well-formed code
     */
    public static String resolve(Optional<String> explicit, Optional<String> siteDefault) {
        if (explicit.isPresent()) {
            return FeeTypeCodes.check("fee_type", explicit.get());
        }
        if (siteDefault.isPresent()) {
            return FeeTypeCodes.check("site_default_fee_type", siteDefault.get());
        }
        return FeeTypeCodes.DEFAULT;
    }

    /** A record's fee type when it carries at most its own: explicit, else CNY. */
    public static String resolve(Optional<String> explicit) {
        return resolve(explicit, Optional.empty());
    }
}
