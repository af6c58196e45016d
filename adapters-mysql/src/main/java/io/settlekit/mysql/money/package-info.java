/**
 * MySQL adapters of the money context: the fee type catalog and the stations' rate history.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.mysql.money;
