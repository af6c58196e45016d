/**
 * The entry point: the {@link io.settlekit.Settlekit} kit and its builder, which wire every context's services to the
 * host's adapters.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit;
