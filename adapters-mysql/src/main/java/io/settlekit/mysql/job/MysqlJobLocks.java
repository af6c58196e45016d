package io.settlekit.mysql.job;

import io.settlekit.job.JobLease;
import io.settlekit.job.JobLocks;
import io.settlekit.mysql.SqlTable;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * The lease does not release a lock whose "at most" has passed, since the provider releases by name; it
 * extends the lock through the provider's own extend, which checks the holder ({@code locked_by}, the
 * host name) and that the lock has not expired.
 * Lock ends are rounded up to a whole second (see {@link #toWholeSecond}), so a lock never expires early
 * on MariaDB, whose times Connector/J binds without their fraction.
 *
 * <p>Lock times are wall-clock times ({@link Clock#systemUTC()}), never the SDK's injected business clock:
 * ShedLock compares a lock's {@code lock_until} with its own system clock, so a clock set elsewhere (a
 * test's fixed clock, a replay of a past day) would let two instances hold the lock at once.
 *
 * <p>Thread-safe: a final ShedLock provider whose locks are atomic updates in the database.
 */
public final class MysqlJobLocks implements JobLocks {
    /** ShedLock's usual table name. */
    public static final String DEFAULT_TABLE = "shedlock";

    private final JdbcLockProvider provider;
    private final Clock clock = Clock.systemUTC();

    /** Locks in {@value #DEFAULT_TABLE} of the connection's database. */
    public MysqlJobLocks(DataSource dataSource) {
        this(dataSource, SqlTable.of(DEFAULT_TABLE));
    }

    /**
     * @param dataSource the host's pool
     * @param table      the lock table (ShedLock's columns)
     */
    public MysqlJobLocks(DataSource dataSource, SqlTable table) {
        this.provider = new JdbcLockProvider(Objects.requireNonNull(dataSource, "dataSource"), Objects.requireNonNull(table, "table").sql());
    }

    @Override
    public Optional<JobLease> tryLock(String job, Duration lockAtMostFor) {
        return JobLease.take(job, lockAtMostFor, clock, now -> ShedLockCalls.call("taking the lock of job " + job,
                () -> provider.lock(new LockConfiguration(now, job, toWholeSecond(now, lockAtMostFor), Duration.ZERO)))
                .map(lock -> new ShedLockHeld(job, lock, MysqlJobLocks::toWholeSecond)));
    }

    /**
     * {@code lockAtMostFor} stretched so that the lock ends on a whole second: Connector/J takes MariaDB for
     * MySQL 5.5 and drops the fraction of the times it binds, so a {@code lock_until} of 12:00:03.700 was
     * stored as 12:00:03.000 and another instance could take the lock up to a second before its "at most"
     * (measured: a 3 s lock taken over after 1.98 s). Rounding the end up keeps every instance out until at
     * least "at most", whether or not the driver keeps fractions; the lock lasts under a second longer.
     */
    static Duration toWholeSecond(Instant now, Duration lockAtMostFor) {
        Instant until = now.plus(lockAtMostFor);
        Instant whole = until.truncatedTo(ChronoUnit.SECONDS);
        return Duration.between(now, whole.isBefore(until) ? whole.plusSeconds(1) : whole);
    }
}
