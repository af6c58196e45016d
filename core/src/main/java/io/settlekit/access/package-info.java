/**
 * Who may do what: the {@link io.settlekit.access.Actor} calling a service and the {@link
 * io.settlekit.access.Permission}s it holds.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.access;
