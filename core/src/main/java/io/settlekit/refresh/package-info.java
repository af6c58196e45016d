/**
 * The refresh limit (rules R8 of docs/rules.md): how many on-demand refreshes a non-admin may trigger per day,
 * decided as a {@link io.settlekit.refresh.RefreshDecision} value over shared
 * {@link io.settlekit.refresh.DailyCounters}.
 */
package io.settlekit.refresh;
