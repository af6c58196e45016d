/**
 * MySQL adapters of the settlement context: the plan history on the seed's {@code tbl_user_pay_method},
 * the reminder send log on a table of ours with a unique key on (merchant, period, date), and a merchant
 * ledger over two documented tables (or views).
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.mysql.billing;
