/**
 * Money: amounts in minor units per fee type (currency), the fee type catalog, and the stations' rate history with
 * conversions ({@link io.settlekit.money.RateBook}).
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.money;
