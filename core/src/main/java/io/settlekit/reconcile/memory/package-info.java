/**
 * Embedded defaults of the reconciliation ports: files in memory or in a local directory (a mirror of
 * the providers' buckets), receivables, reports and archived files in memory.
 */
package io.settlekit.reconcile.memory;
