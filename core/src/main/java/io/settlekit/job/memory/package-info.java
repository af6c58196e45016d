/** Job locks and ledger within one JVM. */
package io.settlekit.job.memory;
