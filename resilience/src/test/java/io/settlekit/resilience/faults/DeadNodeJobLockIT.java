package io.settlekit.resilience.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.job.DailyJob;
import io.settlekit.job.JobListener;
import io.settlekit.job.JobResult;
import io.settlekit.job.JobRunner;
import io.settlekit.job.RunMode;
import io.settlekit.job.memory.InMemoryJobLedger;
import io.settlekit.job.JobLease;
import io.settlekit.job.JobLocks;
import io.settlekit.mysql.MysqlDatabaseExtension;
import io.settlekit.mysql.job.MysqlJobLocks;
import io.settlekit.redis.JedisJobLocks;
import io.settlekit.testkit.servers.LocalRedis;

import com.zaxxer.hikari.HikariDataSource;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Scenario 5: a node dies while it holds a job lock. Node A takes the lock of a job with a short
 * "at most" ({@value #AT_MOST_SECONDS} s) and is gone without releasing it (its pool or client closed, the
 * lease never closed: what a killed process leaves behind). Node B asks its {@link JobRunner} to run the
 * job every {@value #POLL_MILLIS} ms: every request before the lock's expiry is {@code BUSY} and the job
 * body never runs; the first request after it runs the job, once. On MariaDB (ShedLock's JDBC provider,
 * {@link MysqlJobLocks}) and on Redis ({@link JedisJobLocks}, {@code SET NX PX}).
 */
class DeadNodeJobLockIT {
    private static final int AT_MOST_SECONDS = 3;
    private static final Duration AT_MOST = Duration.ofSeconds(AT_MOST_SECONDS);
    private static final long POLL_MILLIS = 100;
    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);

    @RegisterExtension
    static final MysqlDatabaseExtension DB = new MysqlDatabaseExtension("faults_locks", "/io/settlekit/mysql/job/job-tables.sql");

    /** A job that counts its runs. */
    private static final class CountingJob implements DailyJob<String> {
        private final String name;
        private final AtomicInteger runs = new AtomicInteger();

        CountingJob(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Duration lockAtMostFor() {
            return AT_MOST;
        }

        @Override
        public String run(LocalDate date) {
            runs.incrementAndGet();
            return "ran";
        }
    }

    /** What node B saw. */
    private record Takeover(int busy, long firstRunMillis, int runs) {
    }

    @Test
    @Timeout(30)
    void onMariaDbAnotherNodeRunsTheJobOnlyAfterTheDeadNodesLockExpires() {
        String job = "fault-dead-node-mysql";
        long lockedAt;
        try (HikariDataSource nodeA = DB.newPool()) {
            lockedAt = System.nanoTime(); // read before the lock is taken: the wait measured is never too long
            Optional<JobLease> lease = new MysqlJobLocks(nodeA).tryLock(job, AT_MOST);
            assertThat(lease).as("node A holds the lock").isPresent();
            // node A dies: its pool goes away and the lease is never closed
        }
        Takeover takeover = takeOver(new MysqlJobLocks(DB.dataSource()), new CountingJob(job), lockedAt);

        assertTakeover(takeover);
        assertThat(DB.rows("SELECT name FROM shedlock WHERE name = '" + job + "'")).hasSize(1);
        FaultLog.record("5a-dead-node-lock-mariadb", "node A took the ShedLock JDBC lock (lockAtMostFor " + AT_MOST_SECONDS
                + " s) and died; node B polling every " + POLL_MILLIS + " ms got BUSY " + takeover.busy() + " times, then ran the job at "
                + takeover.firstRunMillis() + " ms after the lock was taken; job body ran " + takeover.runs() + " time(s), never before expiry.");
    }

    @Test
    @Timeout(30)
    void onRedisAnotherNodeRunsTheJobOnlyAfterTheDeadNodesLockExpires() {
        LocalRedis redis = LocalRedis.check();
        String prefix = LocalRedis.keyPrefix("faults-locks");
        String job = "fault-dead-node-redis";
        long lockedAt;
        try (UnifiedJedis nodeA = RedisClient.builder().fromURI(redis.uri()).build()) {
            lockedAt = System.nanoTime(); // read before the lock is taken: the wait measured is never too long
            Optional<JobLease> lease = new JedisJobLocks(nodeA, prefix, Clock.systemUTC()).tryLock(job, AT_MOST);
            assertThat(lease).as("node A holds the lock").isPresent();
            // node A dies: its client goes away and the lease is never closed
        }
        try (UnifiedJedis nodeB = RedisClient.builder().fromURI(redis.uri()).build()) {
            Takeover takeover = takeOver(new JedisJobLocks(nodeB, prefix, Clock.systemUTC()), new CountingJob(job), lockedAt);

            assertTakeover(takeover);
            FaultLog.record("5b-dead-node-lock-redis", "node A took the Redis lock (SET NX PX, lockAtMostFor " + AT_MOST_SECONDS
                    + " s) and died; node B polling every " + POLL_MILLIS + " ms got BUSY " + takeover.busy() + " times, then ran the job at "
                    + takeover.firstRunMillis() + " ms after the lock was taken; job body ran " + takeover.runs() + " time(s), never before expiry.");
            nodeB.del(prefix + "lock:" + job);
        }
    }

    /** Node B asks to run the job until it runs; the ledger is its own, so only the lock can stop it. */
    private static Takeover takeOver(JobLocks locks, CountingJob job, long lockedAt) {
        JobRunner nodeB = new JobRunner(locks, new InMemoryJobLedger(), Clock.systemUTC(), JobListener.NONE);
        int busy = 0;
        while (true) {
            long before = System.nanoTime();
            JobResult<String> result = nodeB.run(job, DAY, RunMode.ONCE_PER_DATE);
            if (result.status() == JobResult.Status.RAN) {
                return new Takeover(busy, (before - lockedAt) / 1_000_000, job.runs.get());
            }
            assertThat(result.status()).isEqualTo(JobResult.Status.BUSY);
            assertThat(job.runs.get()).as("the job never runs while the dead node's lock stands").isZero();
            busy++;
            sleep(POLL_MILLIS);
        }
    }

    private static void assertTakeover(Takeover takeover) {
        long atMost = AT_MOST.toMillis();
        assertThat(takeover.runs()).isEqualTo(1);
        assertThat(takeover.busy()).as("node B was refused while the lock stood").isGreaterThanOrEqualTo(10);
        // never before the lock's expiry (MysqlJobLocks used to let it go up to 1 s early), and soon after it
        assertThat(takeover.firstRunMillis()).isGreaterThanOrEqualTo(atMost).isLessThan(atMost + 1_500);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
