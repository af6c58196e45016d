/**
 * The wire shapes of the settlement endpoints of the seed (001): the plan ({@code pay_method},
 * {@code begin_day}, … in both the new and the old custom form), {@code bill_info}, {@code unpaid_list},
 * periods and ledger orders, as a Jackson module ({@link io.settlekit.formats.billing.BillingJacksonModule})
 * and as readers that name the offending field, prefixed with its place in a larger request.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional. A
 * JSON null on the wire is another matter: each reader says how it reads one.
 */
package io.settlekit.formats.billing;
