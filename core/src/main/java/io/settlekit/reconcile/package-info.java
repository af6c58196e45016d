/**
 * Settlement files and reconciliation (rules R9 of docs/rules.md): sites, channels and provider merchant accounts,
 * settlement lines and receivables, the streaming {@link io.settlekit.reconcile.Reconciler} and the
 * {@link io.settlekit.reconcile.DailyReconciliation} use case run once per (channel, site, date).
 */
package io.settlekit.reconcile;
