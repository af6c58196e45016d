/**
 * What reconciliation needs from outside: the provider's settlement files (read only), a parser per
 * file format, the shop's receivables, where reports go, and an optional archive for raw files.
 */
package io.settlekit.reconcile.port;
