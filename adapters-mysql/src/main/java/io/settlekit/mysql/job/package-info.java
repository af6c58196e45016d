/** MySQL adapters of the job context: ShedLock job locks and the ledger of finished job dates. */
package io.settlekit.mysql.job;
