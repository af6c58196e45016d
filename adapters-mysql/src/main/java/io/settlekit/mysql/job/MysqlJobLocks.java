package io.settlekit.mysql.job;

import io.settlekit.job.port.JobLease;
import io.settlekit.job.port.JobLocks;
import io.settlekit.mysql.SqlTable;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.provider.jdbc.JdbcLockProvider;

/**
 * Job locks on MySQL/MariaDB through ShedLock's {@link JdbcLockProvider}, on ShedLock's usual table
 * ({@code shedlock}: {@code name VARCHAR(64)} primary key, {@code lock_until}, {@code locked_at}
 * {@code TIMESTAMP(3)}, {@code locked_by}; the DDL is {@code io/settlekit/mysql/job/job-tables.sql} in
 * this jar). The plain JDBC provider stamps times with the application's clock (only ShedLock's Spring
 * provider offers the database's), so the instances' clocks must agree to well within a lock's duration.
 * The lease does not release a lock whose "at most" has passed, since the provider releases by name.
 */
public final class MysqlJobLocks implements JobLocks {
    /** ShedLock's usual table name. */
    public static final String DEFAULT_TABLE = "shedlock";

    private final JdbcLockProvider provider;
    private final Clock clock;

    /** Locks in {@value #DEFAULT_TABLE} of the connection's database. */
    public MysqlJobLocks(DataSource dataSource, Clock clock) {
        this(dataSource, SqlTable.of(DEFAULT_TABLE), clock);
    }

    /**
     * @param dataSource the host's pool
     * @param table      the lock table (ShedLock's columns)
     * @param clock      the clock the lease's expiry is tracked on
     */
    public MysqlJobLocks(DataSource dataSource, SqlTable table, Clock clock) {
        this.provider = new JdbcLockProvider(Objects.requireNonNull(dataSource, "dataSource"), Objects.requireNonNull(table, "table").sql());
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<JobLease> tryLock(String job, Duration lockAtMostFor) {
        return JobLease.take(job, lockAtMostFor, clock, now -> ShedLockCalls.call("taking the lock of job " + job,
                () -> provider.lock(new LockConfiguration(now, job, lockAtMostFor, Duration.ZERO)))
                .map(lock -> () -> ShedLockCalls.call("releasing the lock of job " + job, () -> {
                    lock.unlock();
                    return null;
                })));
    }
}
