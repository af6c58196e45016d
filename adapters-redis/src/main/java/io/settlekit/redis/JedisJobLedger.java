package io.settlekit.redis;

import io.settlekit.internal.Checks;
import io.settlekit.base.InfrastructureException;
import io.settlekit.job.JobCompletion;
import io.settlekit.job.JobLedger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The ledger of finished job dates on Redis: one hash per job and date,
 * {@code <prefix>job:<name>:<yyyy-MM-dd>} with fields {@code completed_at} (ISO instant) and
 * {@code detail}, written and given its retention in one round trip. Entries expire after
 * {@code retention} (default {@value #DEFAULT_RETENTION_DAYS} days): a date older than that is no longer
 * protected from a rerun, which nightly schedules never ask for.
 *
 * <p>Thread-safe: final fields and the host's UnifiedJedis (which pools its connections); every record is one atomic
 * Lua script on the server.
 */
public final class JedisJobLedger implements JobLedger {
    /** Default retention of a completion, in days. */
    public static final int DEFAULT_RETENTION_DAYS = 400;

    private static final LuaScript RECORD = new LuaScript("""
            redis.call('HSET', KEYS[1], 'completed_at', ARGV[1], 'detail', ARGV[2])
            return redis.call('PEXPIRE', KEYS[1], ARGV[3])
            """);

    private final UnifiedJedis jedis;
    private final String prefix;
    private final Duration retention;

    /** A ledger under {@value RedisKeys#DEFAULT_PREFIX} with the default retention. */
    public JedisJobLedger(UnifiedJedis jedis) {
        this(jedis, RedisKeys.DEFAULT_PREFIX, Duration.ofDays(DEFAULT_RETENTION_DAYS));
    }

    /**
     * @param jedis     the host's client (standalone or cluster)
     * @param prefix    the prefix of every key (see {@link RedisKeys})
     * @param retention how long completions are kept, positive
     */
    public JedisJobLedger(UnifiedJedis jedis, String prefix, Duration retention) {
        this.jedis = Objects.requireNonNull(jedis, "jedis");
        this.prefix = RedisKeys.checkPrefix(prefix);
        this.retention = Checks.positive("retention", retention);
    }

    @Override
    public Optional<JobCompletion> completion(String job, LocalDate date) {
        Map<String, String> fields;
        try {
            fields = jedis.hgetAll(key(job, date));
        } catch (JedisException e) {
            throw new InfrastructureException("Redis failed while reading the completion of job " + job + " for " + date, e);
        }
        if (fields == null || !fields.containsKey("completed_at")) {
            return Optional.empty();
        }
        return Optional.of(new JobCompletion(job, date, Instant.parse(fields.get("completed_at")), fields.getOrDefault("detail", "")));
    }

    @Override
    public void record(JobCompletion completion) {
        RECORD.run(jedis, "recording the completion of job " + completion.job() + " for " + completion.date(),
                key(completion.job(), completion.date()),
                List.of(completion.completedAt().toString(), completion.detail(), Long.toString(retention.toMillis())));
    }

    private String key(String job, LocalDate date) {
        return prefix + "job:" + job + ":" + date;
    }
}
