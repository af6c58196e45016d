/**
 * The refresh limit (rules R8 of docs/rules.md): how many on-demand refreshes a non-admin may trigger per day,
 * decided as a {@link io.settlekit.refresh.RefreshDecision} value over shared
 * {@link io.settlekit.refresh.DailyCounters}.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.refresh;
