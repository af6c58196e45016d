package io.settlekit.money.port;

import io.settlekit.money.FeeType;

import java.util.List;
import java.util.Optional;

/**
 * Where the host keeps its catalog of fee types ({@code tbl_fee_type} in the seed). Read-only for the
 * SDK: the catalog grows by the host's own migrations or admin tools.
 */
public interface FeeTypeStore {

    /** Every fee type, ordered by code. */
    List<FeeType> all();

    /** The fee type with {@code code}, if the catalog lists it. */
    Optional<FeeType> find(String code);
}
