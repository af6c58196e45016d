package io.settlekit.mongo;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;

import java.util.regex.Pattern;

/**
 * Collection names the adapters are told to use: 1–120 characters of letters, digits, {@code _}, {@code -}
 * and {@code .}, not starting with {@code system.}.
 *
 * <p>Thread-safe: static checks of their arguments, no state.
 */
public final class MongoNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,119}");

    private MongoNames() {
    }

    /** Returns {@code name} when usable as a collection name, else throws naming {@code field}. */
    public static String collection(String field, String name) {
        Checks.notBlank(field, name);
        if (!NAME.matcher(name).matches() || name.startsWith("system.")) {
            throw ValidationException.invalid(field, name, "must be a plain collection name (letters, digits, _ - .; at most 120)");
        }
        return name;
    }
}
