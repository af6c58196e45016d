package io.settlekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.testkit.logs.SensitiveOutputGuard;

import org.junit.jupiter.api.Test;

/** Every integration test runs under the testkit's output guard (listed in this module's test resources, auto-detected by Failsafe). */
class OutputGuardWiredIT {

    @Test
    void theGuardScansThisClassesOutput() {
        assertThat(SensitiveOutputGuard.guarding()).isTrue();
    }
}
