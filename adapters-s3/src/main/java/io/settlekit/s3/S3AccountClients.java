package io.settlekit.s3;

import io.settlekit.reconcile.CredentialsRef;
import io.settlekit.reconcile.ProviderAccount;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * A convenience factory building one {@link S3Client} per merchant account, with the account's region and
 * the credentials the host resolves from the account's {@link CredentialsRef} (a vault, an IAM role per
 * account…). The SDK never sees a secret: it hands the reference to the host's resolver. Every client it
 * builds refuses writes and deletes ({@link ReadOnlyRequests}) and retries and times out as its
 * {@link S3CallSettings} say (bounded attempts, backoff, per-attempt and per-call timeouts). Clients are cached per (region,
 * credentials reference) and closed by {@link #close()}.
 *
 * <p>Thread-safe: clients are cached in a concurrent map, one thread-safe SDK client per account.
 */
public final class S3AccountClients implements AutoCloseable {
    private final Function<CredentialsRef, AwsCredentialsProvider> credentials;
    private final S3Options options;
    private final S3CallSettings calls;
    private final Map<String, S3Client> clients = new ConcurrentHashMap<>();

    /**
     * @param credentials the host's resolver from a reference to a credentials provider
     * @param options     AWS or an S3-compatible endpoint
     */
    public S3AccountClients(Function<CredentialsRef, AwsCredentialsProvider> credentials, S3Options options) {
        this(credentials, options, S3CallSettings.defaults());
    }

    /**
     * @param credentials the host's resolver from a reference to a credentials provider
     * @param options     AWS or an S3-compatible endpoint
     * @param calls       retries and timeouts of every call ({@link S3CallSettings#defaults()} otherwise)
     */
    public S3AccountClients(Function<CredentialsRef, AwsCredentialsProvider> credentials, S3Options options, S3CallSettings calls) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.options = Objects.requireNonNull(options, "options");
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    /** The client for {@code account}, built on first use. */
    public S3Client clientFor(ProviderAccount account) {
        return clients.computeIfAbsent(account.region() + "|" + account.credentials().name(), key -> build(account));
    }

    private S3Client build(ProviderAccount account) {
        AwsCredentialsProvider provider = Objects.requireNonNull(credentials.apply(account.credentials()),
                "the host resolved no credentials for " + account.credentials().name());
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(account.region()))
                .credentialsProvider(provider)
                .forcePathStyle(options.pathStyle())
                .overrideConfiguration(c -> {
                    c.addExecutionInterceptor(new ReadOnlyRequests());
                    calls.applyTo(c);
                });
        options.endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
        return builder.build();
    }

    /** Closes every client built. */
    @Override
    public void close() {
        clients.values().forEach(S3Client::close);
        clients.clear();
    }
}
