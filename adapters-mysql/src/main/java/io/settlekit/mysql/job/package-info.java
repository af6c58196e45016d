/**
 * MySQL adapters of the job context: ShedLock job locks and the ledger of finished job dates.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.mysql.job;
