/**
 * Helpers shared by Settlekit's own modules (argument checks, masking of phone and card numbers). Not
 * API: the module descriptor exports this package to Settlekit's modules only, and it may change in
 * any release.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional. The
 * checks of {@link io.settlekit.internal.Checks} take possibly-null values: refusing them is their job.
 */
package io.settlekit.internal;
