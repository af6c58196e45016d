/**
 * Generated settlement files and receivables for reconciliation tests.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.testkit.reconcile;
