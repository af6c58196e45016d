package io.settlekit.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class DefaultFeeTypeTest {

    @Test
    void explicitBeatsSiteDefaultBeatsCny() {
        assertThat(DefaultFeeType.resolve(Optional.of("HKD"), Optional.of("MYR"))).isEqualTo("HKD");
        assertThat(DefaultFeeType.resolve(Optional.empty(), Optional.of("MYR"))).isEqualTo("MYR");
        assertThat(DefaultFeeType.resolve(Optional.empty(), Optional.empty())).isEqualTo("CNY");
        assertThat(DefaultFeeType.resolve(Optional.empty())).isEqualTo("CNY");
    }
}
