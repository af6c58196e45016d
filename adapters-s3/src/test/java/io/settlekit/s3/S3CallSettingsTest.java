package io.settlekit.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.ValidationException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;

/** The S3 call settings: documented defaults, validation, and what they set on a client. */
class S3CallSettingsTest {

    @Test
    void defaultsAreBoundedAttemptsBackoffAndBothTimeouts() {
        S3CallSettings defaults = S3CallSettings.defaults();

        assertThat(defaults.maxAttempts()).isEqualTo(3);
        assertThat(defaults.backoffBase()).isEqualTo(Duration.ofMillis(100));
        assertThat(defaults.backoffMax()).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.attemptTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.callTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void appliedToAClientConfigurationSetsTheStandardStrategyAndTimeouts() {
        S3CallSettings settings = S3CallSettings.defaults().withMaxAttempts(4)
                .withTimeouts(Duration.ofMillis(700), Duration.ofSeconds(5));
        ClientOverrideConfiguration.Builder builder = ClientOverrideConfiguration.builder();

        settings.applyTo(builder);
        ClientOverrideConfiguration configuration = builder.build();

        assertThat(configuration.retryStrategy()).hasValueSatisfying(strategy -> assertThat(strategy.maxAttempts()).isEqualTo(4));
        assertThat(configuration.apiCallAttemptTimeout()).contains(Duration.ofMillis(700));
        assertThat(configuration.apiCallTimeout()).contains(Duration.ofSeconds(5));
    }

    @Test
    void oneAttemptDisablesRetries() {
        assertThat(S3CallSettings.defaults().withMaxAttempts(1).retryStrategy().maxAttempts()).isEqualTo(1);
    }

    @Test
    void rejectsUnboundedOrInconsistentValuesNamingTheField() {
        S3CallSettings defaults = S3CallSettings.defaults();

        assertThatThrownBy(() -> defaults.withMaxAttempts(0)).isInstanceOf(ValidationException.class).hasMessageContaining("max_attempts");
        assertThatThrownBy(() -> defaults.withMaxAttempts(11)).isInstanceOf(ValidationException.class).hasMessageContaining("max_attempts");
        assertThatThrownBy(() -> defaults.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("backoff_max");
        assertThatThrownBy(() -> defaults.withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(5)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("call_timeout");
        assertThatThrownBy(() -> defaults.withTimeouts(Duration.ZERO, Duration.ofSeconds(5)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("attempt_timeout");
    }
}
