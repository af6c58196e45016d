/**
 * Read-only settlement file source over S3 (AWS SDK v2, sync client): one folder per provider merchant
 * account, listed and read, never written or deleted.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.s3;
