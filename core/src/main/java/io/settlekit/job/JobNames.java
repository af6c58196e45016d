package io.settlekit.job;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;

import java.util.regex.Pattern;

/**
 * The shape of job names: 1–48 characters of {@code a-z 0-9 . _ -}, starting with a letter or digit.
 * Short enough for every lock backend's key column (ShedLock's {@code name varchar(64)}) with room for a
 * prefix.
 *
 * <p>Thread-safe: static checks against an immutable compiled pattern.
 */
public final class JobNames {
    /** Longest job name accepted. */
    public static final int MAX_LENGTH = 48;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0," + (MAX_LENGTH - 1) + "}");

    private JobNames() {
    }

    /** Returns {@code name} when well formed, else throws naming the field {@code job}. */
    public static String check(String name) {
        Checks.notBlank("job", name);
        if (!NAME.matcher(name).matches()) {
            throw ValidationException.invalid("job", name,
                    "must be 1-" + MAX_LENGTH + " characters of a-z, 0-9, '.', '_' and '-', starting with a letter or digit");
        }
        return name;
    }
}
