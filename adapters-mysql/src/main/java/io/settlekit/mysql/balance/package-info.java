/**
 * MySQL adapters of the balance context: the open Amazon MWS financial event groups.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.mysql.balance;
