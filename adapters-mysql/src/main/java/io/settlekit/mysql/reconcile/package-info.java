/** The shop's receivables over the PrestaShop tables of the seed ({@code ps_orders}, {@code ps_order_slip}, …). */
package io.settlekit.mysql.reconcile;
