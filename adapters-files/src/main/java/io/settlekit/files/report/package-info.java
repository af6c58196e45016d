/**
 * Reconciliation reports as files: JSON lines (one item per line, then one summary line) or CSV, and a
 * folder of published reports written atomically.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.files.report;
