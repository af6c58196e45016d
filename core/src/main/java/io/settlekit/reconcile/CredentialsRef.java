package io.settlekit.reconcile;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;

import java.util.regex.Pattern;

/**
 * The name under which the host keeps a merchant account's credentials (a vault path, a secret id, an
 * environment variable name). Never the secret itself: the host resolves the name when a client is built,
 * so configuration objects, logs and {@code toString()} only ever show the name.
 *
 * @param name the reference, e.g. {@code vault:settlement/afterpay-au}
 */
public record CredentialsRef(String name) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_./:@-]{1,200}");

    /** Validates the reference's shape (no white space, at most 200 characters). */
    public CredentialsRef {
        name = Checks.notBlank("credentials", name);
        if (!NAME.matcher(name).matches()) {
            // the rejected text may be a pasted secret: never echo it
            throw ValidationException.invalid("credentials", "(hidden, " + name.length() + " characters)",
                    "must be a reference name (letters, digits, _ . / : @ -), not a secret");
        }
    }
}
