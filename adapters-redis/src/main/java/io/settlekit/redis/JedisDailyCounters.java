package io.settlekit.redis;

import io.settlekit.internal.Checks;
import io.settlekit.refresh.DailyCounters;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import redis.clients.jedis.UnifiedJedis;

/**
 * Day counters on Redis or Redis Cluster, shared by every instance of the service: one Lua script does the
 * increment and sets the expiry in one round trip ({@code INCR}, then {@code PEXPIREAT} when the key is
 * new or has no expiry), so concurrent increments from any number of clients never return the same count.
 *
 * <p>Takes the host's {@link UnifiedJedis} ({@code RedisClient} for a standalone server,
 * {@code RedisClusterClient} for a cluster). Each call touches exactly one key, so no hash tags are
 * needed on a cluster. Keys are {@code <prefix><key>}; the limiter's keys carry the calendar day of the
 * deployment zone.
 *
 * <p><b>Clocks.</b> Redis expires keys on its own clock. Since the keys carry the day, a key that lives a
 * little past its day is harmless, while one that expires early would restart a count: so keys are kept
 * {@code skewAllowance} past the given expiry (default {@value #DEFAULT_SKEW_MINUTES} minutes), which
 * absorbs that much clock difference between the service and Redis. An expiry that is already past on
 * Redis's clock is replaced by Redis's now plus the allowance (at least a minute), so a count is never
 * dropped the moment it is made.
 *
 * <p><b>Outages and restarts.</b> While Redis does not answer, {@link #increment} throws an
 * {@link io.settlekit.base.InfrastructureException} after the client's timeouts (give the host's client connect
 * and socket timeouts: a check must never hang, and it is never answered "allowed" without a count); the
 * same client recovers by itself once Redis is back. A Redis that keeps nothing on disk (no RDB, no AOF,
 * as this project's servers run) restarts empty: every count of the day restarts at zero, so a user may get
 * up to {@code max} more refreshes that day. That is the accepted trade-off for a limit that protects the
 * snapshot job rather than money; hosts needing counts to survive restarts run Redis with AOF
 * ({@code appendonly yes}) or a replica. Measured by the resilience suite's {@code RedisRestartIT}.
 */
public final class JedisDailyCounters implements DailyCounters {
    /** Default allowance for clock differences, in minutes. */
    public static final int DEFAULT_SKEW_MINUTES = 5;

    // ARGV[1]: the expiry (ms); ARGV[2]: the allowance (ms). An expiry already past on Redis's clock
    // would delete the key at once and restart the count on every call: such a key lives on from Redis's
    // now for the allowance, at least a minute.
    private static final LuaScript INCREMENT = new LuaScript("""
            local count = redis.call('INCR', KEYS[1])
            if count == 1 or redis.call('PTTL', KEYS[1]) == -1 then
              local time = redis.call('TIME')
              local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
              local at = tonumber(ARGV[1]) + tonumber(ARGV[2])
              if at <= now then
                at = now + math.max(tonumber(ARGV[2]), 60000)
              end
              redis.call('PEXPIREAT', KEYS[1], at)
            end
            return count
            """);

    private final UnifiedJedis jedis;
    private final String prefix;
    private final Duration skewAllowance;

    /** Counters under {@value RedisKeys#DEFAULT_PREFIX} with the default clock allowance. */
    public JedisDailyCounters(UnifiedJedis jedis) {
        this(jedis, RedisKeys.DEFAULT_PREFIX, Duration.ofMinutes(DEFAULT_SKEW_MINUTES));
    }

    /**
     * @param jedis         the host's client (standalone or cluster)
     * @param prefix        the prefix of every key (see {@link RedisKeys})
     * @param skewAllowance how long keys outlive their expiry, at least zero
     */
    public JedisDailyCounters(UnifiedJedis jedis, String prefix, Duration skewAllowance) {
        this.jedis = Objects.requireNonNull(jedis, "jedis");
        this.prefix = RedisKeys.checkPrefix(prefix);
        this.skewAllowance = Checks.notNegative("skew_allowance", skewAllowance);
    }

    @Override
    public long increment(String key, Instant expiresAt, Instant now) {
        Checks.notBlank("key", key);
        List<String> args = List.of(Long.toString(expiresAt.toEpochMilli()), Long.toString(skewAllowance.toMillis()));
        Object count = INCREMENT.run(jedis, "counting a refresh", prefix + key, args);
        return (Long) count;
    }
}
