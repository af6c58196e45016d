/**
 * Embedded defaults of the reconciliation ports: files in memory or in a local directory (a mirror of
 * the providers' buckets), receivables, reports and archived files in memory.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.reconcile.memory;
