/**
 * Store balances (rules R7 of docs/rules.md): the nightly snapshot of open Amazon financial event groups in CNY
 * ({@link io.settlekit.balance.BalanceSnapshotJob}), its per-day summary, and the rate-limited refresh
 * button ({@link io.settlekit.balance.BalanceRefresh}).
 */
package io.settlekit.balance;
