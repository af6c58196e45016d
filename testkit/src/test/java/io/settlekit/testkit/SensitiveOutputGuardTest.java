package io.settlekit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.testkit.logs.SensitiveOutputGuard;

import org.junit.jupiter.api.Test;

class SensitiveOutputGuardTest {

    @Test
    void findsRegisteredSecretsPhoneNumbersAndAccessKeysShowingThemMasked() {
        SensitiveOutputGuard.register("s3cr3t-sms-key-0001");

        assertThat(SensitiveOutputGuard.scan("sending with key s3cr3t-sms-key-0001"))
                .containsExactly("registered secret s3…01");
        assertThat(SensitiveOutputGuard.scan("reminder to 13812345678 sent")).hasSize(1)
                .allSatisfy(f -> assertThat(f).startsWith("'13…78'").doesNotContain("13812345678"));
        assertThat(SensitiveOutputGuard.scan("key AKIAABCDEFGHIJKLMNOP used")).hasSize(1);
    }

    @Test
    void leavesOrdinaryLogLinesAlone() {
        assertThat(SensitiveOutputGuard.scan("reminder to 138****5678 sent; order SHOP-20451 amount 1249.00; "
                + "txn SYNTX000000000101 at 2025-03-14T07:14:22Z; id 100900000101; elapsed 12345678901234ns; "
                + "total 17996068830.50 CNY; rate 0.13812345678")).isEmpty();
    }
}
