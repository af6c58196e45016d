package io.settlekit.sms;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where and how the webhook notifier posts: the URL, a timeout, and extra headers (e.g. a token).
 * {@link #toString()} never shows header values, the path nor the query (a token is often carried in the
 * path, {@code /hooks/T0KEN}: only scheme, host and port are shown, and a path as {@code /…}); a URL with user info ({@code user:password@}) is refused.
 *
 * @param url     an {@code http} or {@code https} URL
 * @param timeout how long to wait for the answer, 1 ms to 5 minutes
 * @param headers extra request headers, e.g. {@code Authorization}
 */
public record WebhookSettings(URI url, Duration timeout, Map<String, String> headers) {
    /** Validates every field. */
    public WebhookSettings {
        Checks.present("url", url);
        if (url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https")) || url.getHost() == null) {
            throw ValidationException.invalid("url", url.getScheme() + "://" + url.getHost(), "must be an http or https URL");
        }
        if (url.getRawUserInfo() != null) {
            // the HTTP client never sends it, and it would show wherever the URL is printed: credentials go in headers
            throw ValidationException.invalid("url", url.getScheme() + "://" + url.getHost(),
                    "must not carry user info (user:password@): put credentials in a header such as Authorization");
        }
        Checks.present("timeout", timeout);
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw ValidationException.invalid("timeout", timeout, "must be between 1 ms and 5 minutes");
        }
        headers = Map.copyOf(Checks.present("headers", headers));
    }

    /** A webhook at {@code url} with a 5-second timeout and no extra headers. */
    public static WebhookSettings of(URI url) {
        return new WebhookSettings(url, Duration.ofSeconds(5), Map.of());
    }

    @Override
    public String toString() {
        return "WebhookSettings[url=" + url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null || url.getRawPath().isEmpty() || url.getRawPath().equals("/") ? "" : "/…")
                + ", timeout=" + timeout + ", headers=" + new TreeMap<>(headers).keySet() + "]";
    }
}
