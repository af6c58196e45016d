/** What jobs need from outside: cluster-wide locks and a ledger of finished dates. */
package io.settlekit.job.port;
