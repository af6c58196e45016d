/**
 * The basics every context of the core shares and hosts catch: {@link io.settlekit.base.SettlekitException}
 * and its typed errors with their stable {@link io.settlekit.base.ErrorCode}s, and the {@link io.settlekit.base.Port}
 * mark of the core's ports. Depends on nothing else of Settlekit.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional. The
 * typed errors' constructors take a null field, request id or cause where their Javadoc says so, and {@link
 * io.settlekit.base.SettlekitException#field()} is an Optional.
 */
package io.settlekit.base;
