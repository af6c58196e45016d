package io.settlekit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.job.JobLease;
import io.settlekit.job.JobLocks;
import io.settlekit.testkit.contract.JobLocksContract;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * The Redis job locks pass the job lock contract on the local Redis, hold under 3 instances x 64 threads,
 * and the ShedLock provider underneath honours {@code lockAtLeastFor}.
 */
class JedisJobLocksIT extends JobLocksContract {
    private static final RedisClients CLIENTS = new RedisClients("locks");

    @AfterAll
    static void closeClients() {
        CLIENTS.closeAll();
    }

    @Override
    protected JobLocks newLocks() {
        return new JedisJobLocks(CLIENTS.standalone(), CLIENTS.prefix(), Clock.systemUTC());
    }

    @Test
    void threeInstancesOf64ThreadsNeverHoldTheLockTogether() throws Exception {
        int[] result = hammer(List.of(newLocks(), newLocks(), newLocks()), 64, 10);

        assertThat(result[0]).as("most holders at once").isEqualTo(1);
        assertThat(result[1]).as("acquisitions").isPositive();
    }

    @Test
    void theLockIsAKeyWithTheAtMostExpiryOnRedissClock() {
        UnifiedJedis jedis = CLIENTS.standalone();
        String job = freshJob("ttl");
        try (JobLease lease = new JedisJobLocks(jedis, CLIENTS.prefix(), Clock.systemUTC()).tryLock(job, Duration.ofMinutes(10)).orElseThrow()) {
            long ttl = jedis.pttl(CLIENTS.prefix() + "lock:" + job);
            assertThat(ttl).isBetween(Duration.ofMinutes(9).toMillis(), Duration.ofMinutes(10).toMillis());
        }
        assertThat(jedis.exists(CLIENTS.prefix() + "lock:" + job)).isFalse();
    }

    @Test
    void theProviderKeepsTheLockForLockAtLeastFor() throws InterruptedException {
        UnifiedJedis jedis = CLIENTS.standalone();
        JedisLockProvider provider = new JedisLockProvider(jedis, CLIENTS.prefix());
        String job = freshJob("least");
        SimpleLock lock = provider.lock(new LockConfiguration(java.time.Instant.now(), job, Duration.ofMinutes(1), Duration.ofMillis(600))).orElseThrow();

        lock.unlock();

        assertThat(provider.lock(new LockConfiguration(java.time.Instant.now(), job, Duration.ofMinutes(1), Duration.ZERO))).isEmpty();
        Thread.sleep(900);
        SimpleLock again = provider.lock(new LockConfiguration(java.time.Instant.now(), job, Duration.ofMinutes(1), Duration.ZERO)).orElseThrow();
        again.unlock();
    }
}
