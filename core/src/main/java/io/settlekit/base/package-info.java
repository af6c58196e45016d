/**
 * The basics every context of the core shares and hosts catch: {@link io.settlekit.base.SettlekitException}
 * and its typed errors with their stable {@link io.settlekit.base.ErrorCode}s, and the {@link io.settlekit.base.Port}
 * mark of the core's ports. Depends on nothing else of Settlekit.
 */
package io.settlekit.base;
