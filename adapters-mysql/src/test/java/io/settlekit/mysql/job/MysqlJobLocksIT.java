package io.settlekit.mysql.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.job.JobLocks;
import io.settlekit.mysql.MysqlDatabaseExtension;
import io.settlekit.testkit.contract.JobLocksContract;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The MySQL job locks (ShedLock's JDBC provider) pass the job lock contract on MariaDB. */
class MysqlJobLocksIT extends JobLocksContract {
    @RegisterExtension
    static final MysqlDatabaseExtension DB = new MysqlDatabaseExtension("joblocks", "/io/settlekit/mysql/job/job-tables.sql");

    @Override
    protected JobLocks newLocks() {
        return new MysqlJobLocks(DB.dataSource());
    }

    @Test
    void threeInstancesOf8ThreadsNeverHoldTheLockTogether() throws Exception {
        int[] result = hammer(List.of(newLocks(), newLocks(), newLocks()), 8, 10);

        assertThat(result[0]).isEqualTo(1);
        assertThat(result[1]).isPositive();
    }
}
