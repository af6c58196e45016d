package io.settlekit.money.archfixture;

import io.settlekit.money.archfixture.cycle.CyclicB;

/** A deliberate package cycle for the architecture rules' test: this package uses {@link CyclicB}'s, which uses this. */
public final class CyclicA {
    /** Uses the other package. */
    public CyclicB next() {
        return new CyclicB();
    }
}
