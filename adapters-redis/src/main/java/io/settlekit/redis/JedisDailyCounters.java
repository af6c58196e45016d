package io.settlekit.redis;

import io.settlekit.internal.Checks;
import io.settlekit.base.InfrastructureException;
import io.settlekit.base.ValidationException;
import io.settlekit.refresh.CountingDay;
import io.settlekit.refresh.DailyCounters;
import io.settlekit.refresh.DayCount;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import redis.clients.jedis.UnifiedJedis;

/**
 * Day counters on Redis or Redis Cluster, shared by every instance of the service: one Lua script reads
 * the server's clock, picks the day, checks the count against the maximum, increments and sets the expiry
 * in one round trip, so concurrent takes from any number of clients never take more than the maximum.
 *
 * <p>Takes the host's {@link UnifiedJedis} ({@code RedisClient} for a standalone server,
 * {@code RedisClusterClient} for a cluster). Keys are {@code <prefix>{<key>}:<yyyy-MM-dd>}, one per key
 * and day of the deployment zone; the braces are a hash tag, so that the candidate days of one call live
 * in one slot of a cluster (the call names all of them).
 *
 * <p><b>One clock.</b> The day is the one that contains the Redis server's {@code TIME}, not the calling
 * node's clock: two nodes whose clocks differ still count on the same day, so a node a few seconds fast
 * cannot open a second refresh in one true day. The calling node offers yesterday, today and tomorrow of
 * its own clock, with bounds computed by java.time from the zone's rules, so every zone is supported,
 * DST days of 23 or 25 hours and days starting at 01:00 included, without time zone data in Redis (all
 * nodes must use the same zone and tzdata). If Redis's clock lies in none of them (the clocks differ by
 * more than a day) the call fails with an {@link InfrastructureException} and counts nothing. Redis 7 is
 * needed: scripts replicate their effects, so {@code TIME} before a write is allowed. A key expires on
 * Redis's clock {@code skewAllowance} after its day (default {@value #DEFAULT_SKEW_MINUTES} minutes); since
 * the day is Redis's own, the allowance only keeps a finished day readable a little longer.
 *
 * <p><b>Outages and restarts.</b> While Redis does not answer, {@link #take} throws an
 * {@link io.settlekit.base.InfrastructureException} after the client's timeouts (give the host's client connect
 * and socket timeouts: a check must never hang, and it is never answered "allowed" without a count); the
 * same client recovers by itself once Redis is back. A Redis that keeps nothing on disk (no RDB, no AOF,
 * as this project's servers run) restarts empty: every count of the day restarts at zero, so a user may get
 * up to {@code max} more refreshes that day. That is the accepted trade-off for a limit that protects the
 * snapshot job rather than money; hosts needing counts to survive restarts run Redis with AOF
 * ({@code appendonly yes}) or a replica. Measured by the resilience suite's {@code RedisRestartIT}.
 *
 * <p>Thread-safe: final fields and the host's UnifiedJedis (which pools its connections); every take and give-back is
 * one atomic Lua script on the server.
 */
public final class JedisDailyCounters implements DailyCounters {
    /** Default time a key outlives its day, in minutes. */
    public static final int DEFAULT_SKEW_MINUTES = 5;

    // KEYS[i]: the counter of candidate day i; ARGV[1]: the maximum; ARGV[2]: the allowance (ms);
    // ARGV[1 + 2i], ARGV[2 + 2i]: the first ms of day i and the first ms of the day after. Answers
    // {day index, count, 1 if taken}, or {0, Redis's now} when Redis's now is in none of the days.
    private static final LuaScript TAKE = new LuaScript("""
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            for i = 1, #KEYS do
              local stop = tonumber(ARGV[2 + 2 * i])
              if now >= tonumber(ARGV[1 + 2 * i]) and now < stop then
                local count = tonumber(redis.call('GET', KEYS[i]) or '0')
                if count >= tonumber(ARGV[1]) then
                  return {i, count, 0}
                end
                count = redis.call('INCR', KEYS[i])
                if count == 1 or redis.call('PTTL', KEYS[i]) == -1 then
                  redis.call('PEXPIREAT', KEYS[i], stop - 1 + tonumber(ARGV[2]))
                end
                return {i, count, 1}
              end
            end
            return {0, now, 0}
            """);

    // KEYS[1]: the counter of one day. DECR keeps the key's expiry; an absent or zero counter is left alone.
    private static final LuaScript GIVE_BACK = new LuaScript("""
            local count = tonumber(redis.call('GET', KEYS[1]) or '0')
            if count > 0 then
              return redis.call('DECR', KEYS[1])
            end
            return 0
            """);

    private final UnifiedJedis jedis;
    private final String prefix;
    private final Duration skewAllowance;

    /** Counters under {@value RedisKeys#DEFAULT_PREFIX} with the default allowance. */
    public JedisDailyCounters(UnifiedJedis jedis) {
        this(jedis, RedisKeys.DEFAULT_PREFIX, Duration.ofMinutes(DEFAULT_SKEW_MINUTES));
    }

    /**
     * @param jedis         the host's client (standalone or cluster)
     * @param prefix        the prefix of every key (see {@link RedisKeys}); it may hold a hash tag of its
     *                      own, but not an empty one ({@code {}}), which would split one call's keys
     *                      over several slots
     * @param skewAllowance how long keys outlive their day, at least zero
     */
    public JedisDailyCounters(UnifiedJedis jedis, String prefix, Duration skewAllowance) {
        this.jedis = Objects.requireNonNull(jedis, "jedis");
        this.prefix = RedisKeys.checkPrefix(prefix);
        int open = prefix.indexOf('{');
        if (open >= 0 && open + 1 < prefix.length() && prefix.charAt(open + 1) == '}') {
            throw ValidationException.invalid("key_prefix", prefix, "must not start an empty hash tag {}");
        }
        this.skewAllowance = Checks.notNegative("skew_allowance", skewAllowance);
    }

    /** The Redis key of counter {@code key} on {@code day} under {@code prefix}: {@code <prefix>{<key>}:<yyyy-MM-dd>}. */
    public static String redisKey(String prefix, String key, LocalDate day) {
        return prefix + "{" + key + "}:" + day;
    }

    @Override
    public DayCount take(String key, List<CountingDay> days, int max, Instant now) {
        Checks.notBlank("key", key);
        Checks.notNegative("max", max);
        if (Checks.present("days", days).isEmpty()) {
            throw ValidationException.invalid("days", days, "must offer at least one day");
        }
        List<String> keys = new ArrayList<>(days.size());
        List<String> args = new ArrayList<>(2 + 2 * days.size());
        args.add(Integer.toString(max));
        args.add(Long.toString(skewAllowance.toMillis()));
        for (CountingDay day : days) {
            keys.add(redisKey(prefix, key, day.date()));
            args.add(Long.toString(day.start().toEpochMilli()));
            args.add(Long.toString(day.end().toEpochMilli()));
        }
        List<?> answer = (List<?>) TAKE.run(jedis, "counting a refresh", keys, args);
        int index = ((Long) answer.get(0)).intValue();
        long count = (Long) answer.get(1);
        if (index == 0) {
            throw new InfrastructureException("Redis's clock (" + Instant.ofEpochMilli(count) + ") lies in none of the days offered ("
                    + days.get(0).start() + " to " + days.get(days.size() - 1).end()
                    + "): this node's clock and Redis's differ by more than a day; nothing was counted", null);
        }
        return new DayCount(days.get(index - 1), count, (Long) answer.get(2) == 1L);
    }

    @Override
    public long giveBack(String key, LocalDate day) {
        Checks.notBlank("key", key);
        String redisKey = redisKey(prefix, key, Checks.present("day", day));
        return (Long) GIVE_BACK.run(jedis, "giving back a refresh", redisKey, List.of());
    }
}
