package io.settlekit.redis;

import io.settlekit.job.JobLease;
import io.settlekit.job.JobLocks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import redis.clients.jedis.UnifiedJedis;

/**
 * Job locks on Redis or Redis Cluster through {@link JedisLockProvider}: one holder per job name across
 * every instance sharing the Redis; a crashed holder's lock expires after "at most" on Redis's clock, and
 * a late release never frees a lock someone else took since, nor does a late extension extend it (both
 * compare tokens).
 *
 * <p>Thread-safe: final fields; locks are atomic on the server and each held lock synchronizes its release and
 * extension.
 */
public final class JedisJobLocks implements JobLocks {
    private final JedisLockProvider provider;
    private final Clock clock;

    /** Locks under {@value RedisKeys#DEFAULT_PREFIX}. */
    public JedisJobLocks(UnifiedJedis jedis, Clock clock) {
        this(jedis, RedisKeys.DEFAULT_PREFIX, clock);
    }

    /**
     * @param jedis  the host's client (standalone or cluster)
     * @param prefix the prefix of every key (see {@link RedisKeys})
     * @param clock  the clock the lease's expiry is tracked on
     */
    public JedisJobLocks(UnifiedJedis jedis, String prefix, Clock clock) {
        this.provider = new JedisLockProvider(jedis, prefix);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<JobLease> tryLock(String job, Duration lockAtMostFor) {
        return JobLease.take(job, lockAtMostFor, clock,
                now -> provider.lock(new LockConfiguration(now, job, lockAtMostFor, Duration.ZERO)).map(lock -> new JobLease.Held() {
                    private SimpleLock current = lock;

                    @Override
                    public synchronized void release() {
                        current.unlock();
                    }

                    @Override
                    public synchronized boolean extend(Instant at, Duration atMost) {
                        Optional<SimpleLock> extended = current.extend(atMost, Duration.ZERO);
                        extended.ifPresent(next -> current = next);
                        return extended.isPresent();
                    }
                }));
    }
}
