/**
 * What the settlement context needs from outside: the plan history ({@link io.settlekit.settlement.port.PlanStore}),
 * the merchants' ledger ({@link io.settlekit.settlement.port.MerchantLedger}), the reminder send log with its
 * atomic claim ({@link io.settlekit.settlement.port.ReminderLog}) and the channel reminders go out through
 * ({@link io.settlekit.settlement.port.ReminderNotifier}).
 */
package io.settlekit.settlement.port;
