package io.settlekit.s3;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;

import java.time.Duration;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * How hard a client built by {@link S3AccountClients} tries before a listing or a read becomes an
 * {@link io.settlekit.base.InfrastructureException}: the AWS SDK's own <em>standard</em> retry strategy (it
 * retries 5xx answers, throttling, I/O errors and attempt timeouts, never 4xx refusals), with a bounded
 * number of attempts, exponential backoff with jitter, and two timeouts.
 *
 * <p>Defaults ({@link #defaults()}): 3 attempts, backoff from 100 ms up to 2 s, 30 s per attempt, 2 min for
 * the whole call with its retries. A nightly reconciliation that meets a failing store therefore gives up
 * after at most {@code callTimeout} per request and leaves the day open for its next run, instead of
 * hanging on a stalled connection (the SDK's own default has no call timeout at all).
 *
 * <p>The attempt timeout covers an attempt up to the response headers; reading a {@code GetObject} body
 * afterwards is bounded by the HTTP client's socket timeout, not by these settings.
 *
 * @param maxAttempts    attempts per call, first one included, 1–10 (1 disables retries)
 * @param backoffBase    the base delay of the exponential backoff, positive
 * @param backoffMax     the longest delay between two attempts, at least {@code backoffBase}
 * @param attemptTimeout how long one attempt may take, positive
 * @param callTimeout    how long a call may take with all its attempts and delays, at least {@code attemptTimeout}
 */
public record S3CallSettings(int maxAttempts, Duration backoffBase, Duration backoffMax, Duration attemptTimeout, Duration callTimeout) {
    /** Default attempts per call. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** The most attempts accepted. */
    public static final int MAX_ATTEMPTS = 10;

    /** Validates every field. */
    public S3CallSettings {
        Checks.inRange("max_attempts", maxAttempts, 1, MAX_ATTEMPTS);
        Checks.positive("backoff_base", backoffBase);
        Checks.positive("backoff_max", backoffMax);
        if (backoffMax.compareTo(backoffBase) < 0) {
            throw ValidationException.invalid("backoff_max", backoffMax, "must be at least backoff_base (" + backoffBase + ")");
        }
        Checks.positive("attempt_timeout", attemptTimeout);
        Checks.positive("call_timeout", callTimeout);
        if (callTimeout.compareTo(attemptTimeout) < 0) {
            throw ValidationException.invalid("call_timeout", callTimeout, "must be at least attempt_timeout (" + attemptTimeout + ")");
        }
    }

    /** 3 attempts, backoff 100 ms to 2 s, 30 s per attempt, 2 min per call. */
    public static S3CallSettings defaults() {
        return new S3CallSettings(DEFAULT_MAX_ATTEMPTS, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMinutes(2));
    }

    /** The same settings with {@code attempts} attempts per call. */
    public S3CallSettings withMaxAttempts(int attempts) {
        return new S3CallSettings(attempts, backoffBase, backoffMax, attemptTimeout, callTimeout);
    }

    /** The same settings with other timeouts. */
    public S3CallSettings withTimeouts(Duration attempt, Duration call) {
        return new S3CallSettings(maxAttempts, backoffBase, backoffMax, attempt, call);
    }

    /** The same settings with another backoff. */
    public S3CallSettings withBackoff(Duration base, Duration max) {
        return new S3CallSettings(maxAttempts, base, max, attemptTimeout, callTimeout);
    }

    /** The SDK's standard retry strategy with these attempts and backoff. */
    public RetryStrategy retryStrategy() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .backoffStrategy(BackoffStrategy.exponentialDelay(backoffBase, backoffMax))
                .build();
    }

    /**
     * Applies the retry strategy and timeouts to a client's override configuration; hosts building their
     * own {@code S3Client} can call it too: {@code S3Client.builder().overrideConfiguration(settings::applyTo)}.
     */
    public void applyTo(ClientOverrideConfiguration.Builder configuration) {
        configuration.retryStrategy(retryStrategy())
                .apiCallAttemptTimeout(attemptTimeout)
                .apiCallTimeout(callTimeout);
    }
}
