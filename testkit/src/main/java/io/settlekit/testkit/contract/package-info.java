/**
 * The contract tests of the core's ports: an adapter's test extends one and supplies the adapter.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.testkit.contract;
