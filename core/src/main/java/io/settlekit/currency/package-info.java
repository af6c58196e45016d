/**
 * The currency consistency rules (rules R3 of docs/rules.md) over customers, orders, sale menus and vouchers
 * ({@link io.settlekit.currency.CurrencyRules}).
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.currency;
