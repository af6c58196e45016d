/**
 * In-memory adapters of the reminder ports: the embedded send log and a notifier that keeps every message
 * instead of sending it.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.billing.reminder.memory;
