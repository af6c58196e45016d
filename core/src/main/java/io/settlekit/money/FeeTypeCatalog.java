package io.settlekit.money;

import io.settlekit.base.ErrorCode;
import io.settlekit.base.ValidationException;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The host's fee types (rule R1.1 of docs/rules.md): list them, look one up, and reject unknown codes. Saving a rate
 * needs both codes in the catalog ({@link #require}); converting needs both codes known
 * ({@link #requireKnown}: in the catalog or in ISO 4217), so that a made-up code such as {@code ZZZ} is
 * refused by name instead of "converted" at a factor of one.
 *
 * <p>Thread-safe when its store is: a final reference, no other state.
 */
public final class FeeTypeCatalog {
    private final FeeTypeStore store;

    /** A catalog over {@code store}. */
    public FeeTypeCatalog(FeeTypeStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Every fee type, ordered by code (the {@code /fee/type/list} endpoint).
     *
     * @throws io.settlekit.base.InfrastructureException when the fee type store fails
     */
    public List<FeeType> list() {
        return store.all();
    }

    /**
     * The fee type with {@code code}, if listed.
     *
     * @throws io.settlekit.base.InfrastructureException when the fee type store fails
     */
    public Optional<FeeType> find(String code) {
        return FeeTypeCodes.isWellFormed(code == null ? "" : code) ? store.find(code) : Optional.empty();
    }

    /**
     * Returns the listed fee type with {@code code}, or throws {@link ErrorCode#UNKNOWN_FEE_TYPE}
     * naming {@code field} and the code.
     *
     * @throws ValidationException ({@code unknown_fee_type}) naming {@code field} and the code when the catalog
     *         does not list it
     * @throws io.settlekit.base.InfrastructureException when the fee type store fails
     */
    public FeeType require(String field, String code) {
        FeeTypeCodes.check(field, code);
        return store.find(code).orElseThrow(() -> new ValidationException(ErrorCode.UNKNOWN_FEE_TYPE, field, code,
                "is not a fee type of this catalog"));
    }

    /**
     * Returns {@code code} when it is a known fee type: a currency of ISO 4217 (checked first, without a
     * store read) or a fee type of this catalog; else throws {@link ErrorCode#UNKNOWN_FEE_TYPE} naming
     * {@code field} and the code.
     *
     * @throws ValidationException naming {@code field}: a malformed code ({@code invalid_value}), or one
     *         neither in ISO 4217 nor in the catalog ({@code unknown_fee_type})
     * @throws io.settlekit.base.InfrastructureException when the fee type store fails
     */
    public String requireKnown(String field, String code) {
        FeeTypeCodes.check(field, code);
        if (FeeTypeCodes.isIso4217(code) || store.find(code).isPresent()) {
            return code;
        }
        throw new ValidationException(ErrorCode.UNKNOWN_FEE_TYPE, field, code,
                "is neither a fee type of this catalog nor an ISO 4217 currency");
    }
}
