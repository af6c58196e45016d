package io.settlekit.money.archfixture;

import org.junit.jupiter.api.Assertions;

/** Fixture: a core class importing a library the core may not use. The architecture rules must reject it. */
public final class CoreUsingInfrastructure {
    void check() {
        Assertions.fail("never run");
    }
}
