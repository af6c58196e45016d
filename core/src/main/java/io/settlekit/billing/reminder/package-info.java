/**
 * Settlement reminders (rules R6 of docs/rules.md): the daily {@link io.settlekit.billing.reminder.ReminderJob}, its
 * send log with the legal status transitions, and the notifier port.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.billing.reminder;
