/**
 * PayPal Settlement Report (STL) parsing.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.files.paypal;
