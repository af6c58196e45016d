package io.settlekit.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.ValidationException;

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
    void toStringShowsSchemeHostAndPortOnly() {
        WebhookSettings settings = new WebhookSettings(URI.create("https://hooks.example.com:8443/settlekit?token=t0k3nValue"),
                Duration.ofSeconds(5), Map.of("Authorization", "Bearer b34rer"));

        assertThat(settings.toString()).contains("url=https://hooks.example.com:8443/…,")
                .doesNotContain("t0k3nValue").doesNotContain("b34rer").doesNotContain("settlekit?");
    }

    @Test
    void aTokenInThePathIsNeverShown() {
        // the style of Slack, Teams and many SMS gateways: the credential is a path segment
        WebhookSettings settings = WebhookSettings.of(URI.create("https://hooks.example.com/services/T0K3N/B4CK/s3cr3tPathToken"));

        assertThat(settings.toString()).contains("url=https://hooks.example.com/…,")
                .doesNotContain("s3cr3tPathToken").doesNotContain("T0K3N").doesNotContain("services");
        assertThat(WebhookSettings.of(URI.create("http://127.0.0.1:8080")).toString()).contains("url=http://127.0.0.1:8080,");
    }
}
