package io.settlekit.money.archfixture.cycle;

import io.settlekit.money.archfixture.CyclicA;

/** The other half of a deliberate package cycle (inside one context, so only the per-package rule sees it). */
public final class CyclicB {
    /** Uses the first package. */
    public CyclicA back() {
        return new CyclicA();
    }
}
