/** The {@code reconcile} command: one settlement file against a JSON-lines file of receivables. */
package io.settlekit.examples.reconcile;
