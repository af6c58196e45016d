package io.settlekit.s3;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;

import java.net.URI;
import java.util.Optional;

/**
 * How clients built from accounts reach the store: AWS itself, or an S3-compatible store at an endpoint
 * (MinIO, Ceph, a test server), usually with path-style addressing. Against an endpoint, checksums are
 * computed and validated only where the S3 API requires them, since compatible stores often lack the
 * newer flexible checksums.
 *
 * @param endpoint  the store's endpoint, or empty for AWS's regional endpoints
 * @param pathStyle whether to address buckets in the path ({@code host/bucket/key}) rather than the host name
 */
public record S3Options(Optional<URI> endpoint, boolean pathStyle) {

    /** Validates the endpoint's scheme. */
    public S3Options {
        Checks.present("endpoint", endpoint);
        endpoint.ifPresent(uri -> {
            if (uri.getScheme() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http")) || uri.getHost() == null) {
                throw ValidationException.invalid("endpoint", uri, "must be an http(s) URL with a host");
            }
            if (uri.getUserInfo() != null) {
                throw ValidationException.invalid("endpoint", uri.getScheme() + "://(hidden)@" + uri.getHost(),
                        "must not carry credentials: give a credentials reference instead");
            }
        });
    }

    /** AWS's own endpoints, virtual-hosted addressing. */
    public static S3Options aws() {
        return new S3Options(Optional.empty(), false);
    }

    /** An S3-compatible store at {@code endpoint}, path-style addressing. */
    public static S3Options compatible(URI endpoint) {
        return new S3Options(Optional.of(endpoint), true);
    }
}
