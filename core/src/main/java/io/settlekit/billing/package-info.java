/**
 * Merchant settlement (rules R5 and R6 of docs/rules.md): settlement plans and their history, the calendar of periods,
 * settle dates and reminder dates computed from each plan's anchor, bills and unpaid lists from a
 * merchant's ledger, and the daily reminder job with its duplicate-free send log.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.billing;
