package io.settlekit.money.memory;

import io.settlekit.money.FeeType;
import io.settlekit.money.FeeTypeStore;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A fixed fee type catalog held in memory; the embedded default starts with CNY and HKD.
 *
 * <p>Thread-safe: immutable (an unmodifiable map built at construction).
 */
public final class InMemoryFeeTypeStore implements FeeTypeStore {
    private final Map<String, FeeType> byCode;

    /** A catalog of exactly {@code feeTypes} (codes must be unique). */
    public InMemoryFeeTypeStore(List<FeeType> feeTypes) {
        this.byCode = feeTypes.stream().collect(Collectors.toUnmodifiableMap(FeeType::code, Function.identity()));
    }

    /** The seed's catalog: CNY and HKD. */
    public static InMemoryFeeTypeStore seedCatalog() {
        return new InMemoryFeeTypeStore(List.of(FeeType.CNY, FeeType.HKD));
    }

    @Override
    public List<FeeType> all() {
        return byCode.values().stream().sorted(Comparator.comparing(FeeType::code)).toList();
    }

    @Override
    public Optional<FeeType> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }
}
