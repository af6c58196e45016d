/**
 * The shop's receivables over the PrestaShop tables of the seed ({@code ps_orders}, {@code ps_order_slip}, …).
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.mysql.reconcile;
