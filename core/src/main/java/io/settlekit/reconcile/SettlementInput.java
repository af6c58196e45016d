package io.settlekit.reconcile;

import io.settlekit.internal.Checks;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * One file handed to a {@link SettlementParser}: its name (for error messages and the report) and a way
 * to open it. The parser opens and closes it once.
 *
 * @param name   the file's name
 * @param opener opens the file's content
 */
public record SettlementInput(String name, Opener opener) {

    /** Opens a file's content. */
    @FunctionalInterface
    public interface Opener {
        /** A new stream over the content; the caller closes it. */
        InputStream open() throws IOException;
    }

    /** Validates both fields. */
    public SettlementInput {
        name = Checks.notBlank("file", name);
        Objects.requireNonNull(opener, "opener");
    }
}
