package io.settlekit.reconcile;

import io.settlekit.internal.Checks;

/**
 * A file in a merchant account's folder.
 *
 * @param name the file's name inside the account's folder (no folder part)
 * @param size its size in bytes
 */
public record SettlementFile(String name, long size) {

    /** Validates the name and size. */
    public SettlementFile {
        name = Checks.notBlank("file", name);
        Checks.notNegative("size", size);
    }
}
