package io.settlekit.reconcile;


import io.settlekit.base.Port;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Where the providers drop settlement files: one folder per merchant account (named by its account id)
 * in the account's bucket. Read only: implementations list and read, never write or delete.
 */
@Port
public interface SettlementFiles {

    /**
     * The files in {@code account}'s folder whose names start with {@code prefix}, ordered by name, however
     * many there are (implementations follow every page of a listing).
     */
    List<SettlementFile> list(ProviderAccount account, String prefix);

    /** The content of file {@code name} of {@code account}'s folder, or empty when there is no such file. */
    Optional<InputStream> open(ProviderAccount account, String name);
}
