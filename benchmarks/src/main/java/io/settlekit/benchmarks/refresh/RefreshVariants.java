package io.settlekit.benchmarks.refresh;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.jedis.Bucket4jJedis;
import io.settlekit.access.Actor;
import io.settlekit.redis.JedisDailyCounters;
import io.settlekit.refresh.RefreshLimiter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import redis.clients.jedis.UnifiedJedis;

/**
 * The four ways of checking one user's refresh the path compares, all on one shared client and under one
 * key prefix: raw {@code INCR} (baseline), Settlekit's limiter over {@link JedisDailyCounters} (one Lua
 * {@code EVALSHA}), Bucket4j's Jedis proxy manager (peer), and an empty Lua script by {@code EVALSHA} (the
 * floor of any script call).
 */
final class RefreshVariants {
    static final int USERS = 10_000;

    private final UnifiedJedis jedis;
    private final String[] rawKeys = new String[USERS];
    private final String[] scriptKeys = new String[USERS];
    private final byte[][] bucketKeys = new byte[USERS][];
    private final byte[][] grantedKeys = new byte[USERS][];
    private final Actor[] actors = new Actor[USERS];
    private final RefreshLimiter limiter;
    private final ProxyManager<byte[]> buckets;
    private final BucketConfiguration onePerDay;
    private final BucketConfiguration unlimited;
    private final String emptyScriptSha;

    RefreshVariants(UnifiedJedis jedis, String prefix) {
        this.jedis = jedis;
        for (int i = 0; i < USERS; i++) {
            rawKeys[i] = prefix + "raw:u" + i;
            scriptKeys[i] = prefix + "empty:u" + i;
            bucketKeys[i] = (prefix + "bucket4j:u" + i).getBytes(StandardCharsets.UTF_8);
            grantedKeys[i] = (prefix + "bucket4j-granted:u" + i).getBytes(StandardCharsets.UTF_8);
            actors[i] = Actor.user("u" + i);
        }
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        limiter = new RefreshLimiter(new JedisDailyCounters(jedis, prefix + "settlekit:", Duration.ofMinutes(5)),
                Clock.system(zone), zone, RefreshLimiter.DEFAULT_MAX);
        buckets = Bucket4jJedis.casBasedBuilder(jedis)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.fixedTimeToLive(Duration.ofDays(1)))
                .build();
        onePerDay = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(1).refillIntervally(1, Duration.ofDays(1)).build())
                .build();
        unlimited = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(Long.MAX_VALUE / 4).refillIntervally(1, Duration.ofDays(1)).build())
                .build();
        emptyScriptSha = jedis.scriptLoad("return 1", rawKeys[0]);
    }

    /** Raw {@code INCR} of the user's key. */
    void baseline(int user) {
        jedis.incr(rawKeys[user]);
    }

    /** Settlekit's check: key of (action, day, user), Lua INCR + expiry in one round trip. */
    void settlekit(int user) {
        limiter.check(actors[user], RefreshLimiter.BALANCE_REFRESH);
    }

    /** Bucket4j: a bucket of 1 token per day per user, one token tried. */
    void peerBucket4j(int user) {
        buckets.builder().build(bucketKeys[user], onePerDay).tryConsume(1);
    }

    /**
     * Bucket4j when the token is granted (a bucket that never runs out): the state read, then written back
     * by its compare-and-swap script. With 1 token per day every check after the first is denied, and
     * Bucket4j answers a denial from the state it read, without writing.
     */
    void peerBucket4jGranted(int user) {
        buckets.builder().build(grantedKeys[user], unlimited).tryConsume(1);
    }

    /** {@code EVALSHA} of {@code return 1} on the user's key: what any one-script check costs at least. */
    void referenceEmptyScript(int user) {
        jedis.evalsha(emptyScriptSha, List.of(scriptKeys[user]), List.of());
    }
}
