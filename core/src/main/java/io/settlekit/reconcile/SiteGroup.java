package io.settlekit.reconcile;

import io.settlekit.base.ValidationException;

/** The seed's {@code siteId}: what kind of storefront a site is. */
public enum SiteGroup {
    /** {@code 1}: a web shop. */
    WEB_SHOP(1),
    /** {@code 2}: the mobile app. */
    APP(2),
    /** {@code 3}: a marketplace account. */
    MARKETPLACE(3);

    private final int code;

    SiteGroup(int code) {
        this.code = code;
    }

    /** The seed's number. */
    public int code() {
        return code;
    }

    /** The group with the seed's number {@code code}, else an error naming it. */
    public static SiteGroup of(int code) {
        for (SiteGroup group : values()) {
            if (group.code == code) {
                return group;
            }
        }
        throw ValidationException.invalid("siteId", code, "must be 1 (web shop), 2 (app) or 3 (marketplace)");
    }
}
