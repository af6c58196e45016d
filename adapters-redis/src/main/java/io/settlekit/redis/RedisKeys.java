package io.settlekit.redis;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;

/**
 * The prefix every key of the Redis adapters starts with, so that several applications (or tenants) share
 * one Redis without colliding: 1–64 characters without white space, e.g. {@code settlekit:} (the default).
 *
 * <p>Thread-safe: static functions of their arguments, no state.
 */
public final class RedisKeys {
    /** The prefix used when the host gives none. */
    public static final String DEFAULT_PREFIX = "settlekit:";

    private RedisKeys() {
    }

    /** Returns {@code prefix} when usable, else throws naming the field {@code key_prefix}. */
    public static String checkPrefix(String prefix) {
        Checks.notBlank("key_prefix", prefix);
        if (prefix.length() > 64 || prefix.chars().anyMatch(Character::isWhitespace)) {
            throw ValidationException.invalid("key_prefix", prefix, "must be 1-64 characters without white space");
        }
        return prefix;
    }
}
