/**
 * Helpers shared by Settlekit's own modules (argument checks, masking of phone and card numbers). Not
 * API: the module descriptor exports this package to Settlekit's modules only, and it may change in
 * any release.
 */
package io.settlekit.internal;
