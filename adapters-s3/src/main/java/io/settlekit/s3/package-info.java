/**
 * Read-only settlement file source over S3 (AWS SDK v2, sync client): one folder per provider merchant
 * account, listed and read, never written or deleted.
 */
package io.settlekit.s3;
