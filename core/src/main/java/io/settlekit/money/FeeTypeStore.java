package io.settlekit.money;


import io.settlekit.base.Port;
import java.util.List;
import java.util.Optional;

/**
 * Where the host keeps its catalog of fee types ({@code tbl_fee_type} in the seed). Read-only for the
 * SDK: the catalog grows by the host's own migrations or admin tools.
 */
@Port
public interface FeeTypeStore {

    /** Every fee type, ordered by code. */
    List<FeeType> all();

    /** The fee type with {@code code}, if the catalog lists it. */
    Optional<FeeType> find(String code);
}
