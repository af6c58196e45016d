package io.settlekit.mysql.job;

import io.settlekit.job.JobLedger;
import io.settlekit.mysql.MysqlDatabaseExtension;
import io.settlekit.testkit.contract.JobLedgerContract;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The MySQL job ledger passes the job ledger contract on MariaDB. */
class MysqlJobLedgerIT extends JobLedgerContract {
    @RegisterExtension
    static final MysqlDatabaseExtension DB = new MysqlDatabaseExtension("jobledger", "/io/settlekit/mysql/job/job-tables.sql");

    @Override
    protected JobLedger newLedger() {
        return new MysqlJobLedger(DB.dataSource());
    }
}
