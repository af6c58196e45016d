package io.settlekit.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.ValidationException;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Webhook settings never show credentials (SecretsIT found the URL's user info in {@code toString()}). */
class WebhookSettingsTest {

    @Test
    void aUrlWithUserInfoIsRefusedWithoutQuotingIt() {
        URI url = URI.create("https://hook:s3cr3tPw@hooks.example.com/settlekit");

        assertThatThrownBy(() -> WebhookSettings.of(url))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).contains("url");
                    assertThat(e.getMessage()).doesNotContain("s3cr3tPw").doesNotContain("hook:");
                });
    }

    @Test
    void toStringShowsSchemeHostPortAndPathOnly() {
        WebhookSettings settings = new WebhookSettings(URI.create("https://hooks.example.com:8443/settlekit?token=t0k3nValue"),
                Duration.ofSeconds(5), Map.of("Authorization", "Bearer b34rer"));

        assertThat(settings.toString()).contains("https://hooks.example.com:8443/settlekit")
                .doesNotContain("t0k3nValue").doesNotContain("b34rer");
    }
}
