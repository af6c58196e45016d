/**
 * Test helpers for hosts and adapters: a settable clock and a runner of concurrent tasks.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.testkit;
