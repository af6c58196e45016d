package io.settlekit.money.archfixture;

import io.settlekit.money.memory.InMemoryFeeRateStore;

/** Fixture: a "domain" class that wires an in-memory adapter itself. The architecture rules must reject it. */
public final class DomainServiceUsingMemoryAdapter {
    private final InMemoryFeeRateStore store = new InMemoryFeeRateStore();

    InMemoryFeeRateStore store() {
        return store;
    }
}
