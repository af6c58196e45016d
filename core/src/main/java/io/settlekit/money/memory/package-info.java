/**
 * In-memory adapters of the money ports: the fee type catalog and the rate history.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.money.memory;
