package io.settlekit.redis;

import io.settlekit.base.InfrastructureException;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.ExtensibleLockProvider;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * A ShedLock {@link LockProvider} on Jedis 8's {@link UnifiedJedis} (ShedLock's own Jedis providers target
 * Jedis 4): {@code SET key token NX PX lockAtMostFor} takes the lock, and a Lua compare-and-delete releases
 * it only if the token is still ours (or shortens it to what remains of {@code lockAtLeastFor}), and a Lua
 * compare-and-{@code PEXPIRE} extends it only if the token is still ours. Expiry is measured on Redis's
 * clock. Works on standalone Redis and on Redis Cluster (one key per call).
 *
 * <p>Hosts already using ShedLock's annotations can use it directly; the SDK's jobs use it through
 * {@link JedisJobLocks}.
 *
 * <p>Thread-safe: final fields and the host's UnifiedJedis (which pools its connections); lock, release and extension
 * are each one atomic command or Lua script on the server.
 */
public final class JedisLockProvider implements ExtensibleLockProvider {
    private static final LuaScript RELEASE = new LuaScript("""
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then
              return 0
            end
            local keep = tonumber(ARGV[2])
            if keep > 0 then
              return redis.call('PEXPIRE', KEYS[1], keep)
            end
            return redis.call('DEL', KEYS[1])
            """);
    private static final LuaScript EXTEND = new LuaScript("""
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then
              return 0
            end
            return redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
            """);

    private final UnifiedJedis jedis;
    private final String prefix;

    /**
     * @param jedis  the host's client
     * @param prefix the prefix of every lock key ({@code <prefix>lock:<name>})
     */
    public JedisLockProvider(UnifiedJedis jedis, String prefix) {
        this.jedis = Objects.requireNonNull(jedis, "jedis");
        this.prefix = RedisKeys.checkPrefix(prefix);
    }

    @Override
    public Optional<SimpleLock> lock(LockConfiguration configuration) {
        String key = prefix + "lock:" + configuration.getName();
        String token = UUID.randomUUID().toString();
        long atMost = Math.max(1, configuration.getLockAtMostFor().toMillis());
        String answer;
        try {
            answer = jedis.set(key, token, SetParams.setParams().nx().px(atMost));
        } catch (JedisException e) {
            throw new InfrastructureException("Redis failed while taking the lock of job " + configuration.getName(), e);
        }
        if (!"OK".equals(answer)) {
            return Optional.empty();
        }
        return Optional.of(new TokenLock(key, token, configuration));
    }

    /** A lock held with {@code token}; extending answers a new lock with the same token. */
    private final class TokenLock implements SimpleLock {
        private final String key;
        private final String token;
        private final LockConfiguration configuration;

        TokenLock(String key, String token, LockConfiguration configuration) {
            this.key = key;
            this.token = token;
            this.configuration = configuration;
        }

        @Override
        public void unlock() {
            long keep = Duration.between(ClockProvider.now(), configuration.getLockAtLeastUntil()).toMillis();
            RELEASE.run(jedis, "releasing the lock of job " + configuration.getName(), key, List.of(token, Long.toString(Math.max(0, keep))));
        }

        @Override
        public Optional<SimpleLock> extend(Duration lockAtMostFor, Duration lockAtLeastFor) {
            long atMost = Math.max(1, lockAtMostFor.toMillis());
            Object extended = EXTEND.run(jedis, "extending the lock of job " + configuration.getName(), key, List.of(token, Long.toString(atMost)));
            if (!(extended instanceof Long count) || count != 1) {
                return Optional.empty();
            }
            return Optional.of(new TokenLock(key, token,
                    new LockConfiguration(ClockProvider.now(), configuration.getName(), lockAtMostFor, lockAtLeastFor)));
        }
    }
}
