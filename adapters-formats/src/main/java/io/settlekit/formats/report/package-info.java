/**
 * Reconciliation reports as files: JSON lines (one item per line, then one summary line) or CSV, and a
 * folder of published reports written atomically.
 */
package io.settlekit.formats.report;
