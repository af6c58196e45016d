package io.settlekit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.money.FeeType;
import io.settlekit.money.FeeTypeStore;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The contract of {@link FeeTypeStore}. An adapter's test extends this class and implements
 * {@link #storeWith(List)}.
 *
 * <p>Not thread-safe: a JUnit test class, one instance per test method.
 */
public abstract class FeeTypeStoreContract {

    /** A store whose catalog holds exactly {@code feeTypes} (the adapter's test seeds its backend). */
    protected abstract FeeTypeStore storeWith(List<FeeType> feeTypes);

    private static final FeeType MYR = new FeeType("MYR", "令吉", "马来西亚令吉", "RM");

    @Test
    void listsEveryFeeTypeOrderedByCode() {
        FeeTypeStore store = storeWith(List.of(MYR, FeeType.HKD, FeeType.CNY));

        assertThat(store.all()).containsExactly(FeeType.CNY, FeeType.HKD, MYR);
    }

    @Test
    void findsByCodeWithEveryTextIntact() {
        FeeTypeStore store = storeWith(List.of(FeeType.CNY, MYR));

        assertThat(store.find("MYR")).contains(MYR);
        assertThat(store.find("CNY")).contains(FeeType.CNY);
    }

    @Test
    void findsNothingForAnUnlistedCode() {
        FeeTypeStore store = storeWith(List.of(FeeType.CNY));

        assertThat(store.find("HKD")).isEmpty();
        assertThat(store.find("cny")).as("codes are case-sensitive").isEmpty();
    }

    @Test
    void anEmptyCatalogListsNothing() {
        assertThat(storeWith(List.of()).all()).isEmpty();
    }
}
