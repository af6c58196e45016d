/**
 * Store balances (rules R7 of docs/rules.md): the nightly snapshot of open Amazon financial event groups in CNY
 * ({@link io.settlekit.balance.BalanceSnapshotJob}), its per-day summary, and the rate-limited refresh
 * button ({@link io.settlekit.balance.BalanceRefresh}).
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional. The
 * one deviation: the setters of {@link io.settlekit.balance.FinancialEventGroup.Builder} for optional fields take null
 * as empty, which suits nullable columns.
 */
package io.settlekit.balance;
