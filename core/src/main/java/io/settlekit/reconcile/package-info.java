/**
 * Settlement files and reconciliation (rules R9 of docs/rules.md): sites, channels and provider merchant accounts,
 * settlement lines and receivables, the streaming {@link io.settlekit.reconcile.Reconciler} and the
 * {@link io.settlekit.reconcile.DailyReconciliation} use case run once per (channel, site, date).
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.reconcile;
