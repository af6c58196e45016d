package io.settlekit.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransactionFingerprintsTest {

    @Test
    void remembersEveryIdInAboutThirtyTwoBytesEach() {
        TransactionFingerprints seen = new TransactionFingerprints();
        for (int i = 0; i < 1_000_000; i++) {
            assertThat(seen.add("paypal", "SYNTX" + i)).isTrue();
        }

        assertThat(seen.size()).isEqualTo(1_000_000);
        // at most 75 % full, at least 37.5 % full: 2^21 slots of two longs for a million ids (32 MB)
        assertThat(seen.capacity()).isEqualTo(1 << 21);
        assertThat(seen.add("paypal", "SYNTX999999")).isFalse();
        assertThat(seen.add("paypal", "SYNTX0")).isFalse();
        assertThat(seen.add("afterpay", "SYNTX0")).as("ids are per provider").isTrue();
        assertThat(seen.size()).isEqualTo(1_000_001);
    }

    @Test
    void aProviderIsKnownByItsCharactersWhateverTheStringInstanceAndOrder() {
        TransactionFingerprints seen = new TransactionFingerprints();
        assertThat(seen.add("paypal", "T-1")).isTrue();
        assertThat(seen.add("afterpay", "T-1")).isTrue();
        // the provider's part of the hash is remembered for the previous provider only, by identity
        assertThat(seen.add(new String("paypal".toCharArray()), "T-1")).isFalse();
        assertThat(seen.add("afterpay", "T-1")).isFalse();
        assertThat(seen.add("paypal", "T-2")).isTrue();
        assertThat(seen.size()).isEqualTo(3);
    }
}
