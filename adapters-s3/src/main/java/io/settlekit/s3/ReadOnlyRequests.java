package io.settlekit.s3;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

/**
 * An execution interceptor refusing every S3 request but listing and reading, installed on the clients
 * {@link S3AccountClients} builds: the providers' buckets are theirs, and a bug or a misuse must not be
 * able to write or delete there.
 *
 * <p>Thread-safe: a stateless interceptor.
 */
public final class ReadOnlyRequests implements ExecutionInterceptor {

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (!isRead(request)) {
            throw new IllegalStateException("settlement buckets are read only: refused " + request.getClass().getSimpleName());
        }
    }

    /** Whether {@code request} only lists or reads. */
    public static boolean isRead(SdkRequest request) {
        return request instanceof ListObjectsV2Request || request instanceof GetObjectRequest || request instanceof HeadObjectRequest;
    }
}
