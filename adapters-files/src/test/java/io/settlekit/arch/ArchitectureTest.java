package io.settlekit.arch;

import io.settlekit.testkit.arch.ArchitectureRules;

import org.junit.jupiter.api.Test;

/** This module's production classes obey the architecture rules of the testkit. */
class ArchitectureTest {
    @Test
    void obeysTheArchitectureRules() {
        ArchitectureRules.check(ArchitectureRules.importModule());
    }
}
