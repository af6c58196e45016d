package io.settlekit.resilience.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.settlekit.base.InfrastructureException;
import io.settlekit.access.Actor;
import io.settlekit.refresh.RefreshDecision;
import io.settlekit.refresh.RefreshLimiter;
import io.settlekit.redis.JedisDailyCounters;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/**
 * Scenario 2: Redis restarts in the middle of a burst of refresh checks. The limiter runs on
 * {@link JedisDailyCounters} over a client with 250 ms connect and socket timeouts against a
 * {@code redis-server} of the test's own (never the shared one). While the server is down every check
 * fails fast with an {@link InfrastructureException} (never an "allowed"); once it is back the same
 * client and limiter recover by themselves. Redis here keeps nothing on disk, so the counts restart at
 * zero: a user who had used refreshes gets up to {@code max} more that day (see
 * {@link JedisDailyCounters}, "Restarts").
 */
class RedisRestartIT {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int MAX = 3;
    private static final int TIMEOUT_MILLIS = 250;
    private static final int USERS = 20;

    @Test
    @Timeout(60)
    void checksFailFastWhileRedisIsDownRecoverByThemselvesAndCountsRestartAtZero() throws Exception {
        try (OwnRedisServer server = OwnRedisServer.start();
             RedisClient client = RedisClient.builder().hostAndPort("127.0.0.1", server.port())
                     .clientConfig(DefaultJedisClientConfig.builder().connectionTimeoutMillis(TIMEOUT_MILLIS).socketTimeoutMillis(TIMEOUT_MILLIS).build())
                     .poolConfig(pool())
                     .build()) {
            RefreshLimiter limiter = new RefreshLimiter(new JedisDailyCounters(client), Clock.system(SHANGHAI), SHANGHAI, MAX);
            List<Actor> users = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                users.add(Actor.user("restart-user-" + i));
            }

            // the burst before the outage: every user uses MAX refreshes, the next one is denied
            for (Actor user : users) {
                for (int i = 0; i < MAX; i++) {
                    assertThat(limiter.check(user, RefreshLimiter.BALANCE_REFRESH).allowed()).isTrue();
                }
                assertThat(limiter.check(user, RefreshLimiter.BALANCE_REFRESH).allowed()).as("over the limit").isFalse();
            }

            server.stop();
            int failed = 0;
            long slowestMillis = 0;
            long outageStart = System.nanoTime();
            for (int round = 0; round < 5; round++) {
                for (Actor user : users) {
                    long start = System.nanoTime();
                    try {
                        RefreshDecision decision = limiter.check(user, RefreshLimiter.BALANCE_REFRESH);
                        fail("a check answered while Redis was down: " + decision);
                    } catch (InfrastructureException expected) {
                        assertThat(expected.code()).isEqualTo("infrastructure");
                        assertThat(expected.getMessage()).contains("Redis failed while counting a refresh");
                        assertThat(expected.getCause()).isNotNull();
                        failed++;
                    }
                    slowestMillis = Math.max(slowestMillis, (System.nanoTime() - start) / 1_000_000);
                }
            }
            long outageMillis = (System.nanoTime() - outageStart) / 1_000_000;
            assertThat(slowestMillis).as("each failing check is bounded by the client's timeouts").isLessThan(2L * TIMEOUT_MILLIS + 500);

            server.restart();
            long backAt = System.nanoTime();
            int failedAfterRestart = 0;
            RefreshDecision first = null;
            while (first == null) {
                try {
                    first = limiter.check(users.get(0), RefreshLimiter.BALANCE_REFRESH);
                } catch (InfrastructureException stillStale) {
                    failedAfterRestart++;
                    assertThat((System.nanoTime() - backAt) / 1_000_000).as("recovers by itself within 5 s").isLessThan(5_000);
                    Thread.sleep(50);
                }
            }
            long recoveryMillis = (System.nanoTime() - backAt) / 1_000_000;

            // nothing survived the restart: the user who was at the limit has MAX refreshes again
            assertThat(first.allowed()).isTrue();
            assertThat(first.remaining()).isEqualTo(MAX - 1);
            int allowedAgain = 1;
            while (limiter.check(users.get(0), RefreshLimiter.BALANCE_REFRESH).allowed()) {
                allowedAgain++;
            }
            assertThat(allowedAgain).isEqualTo(MAX);
            for (Actor user : users.subList(1, USERS)) {
                assertThat(limiter.check(user, RefreshLimiter.BALANCE_REFRESH).remaining()).isEqualTo(MAX - 1);
            }

            FaultLog.record("2-redis-restart", "refresh limit max " + MAX + ", Jedis connect/socket timeouts " + TIMEOUT_MILLIS + " ms: "
                    + failed + "/" + failed + " checks during the outage failed with InfrastructureException (none allowed), slowest "
                    + slowestMillis + " ms, " + outageMillis + " ms for all; after the restart the same client recovered in "
                    + recoveryMillis + " ms (" + failedAfterRestart + " failed checks on stale connections); counts restarted at 0:"
                    + " a user already at the limit got " + allowedAgain + " more refreshes that day (Redis keeps nothing on disk).");
        }
    }

    private static ConnectionPoolConfig pool() {
        ConnectionPoolConfig config = new ConnectionPoolConfig();
        config.setMaxTotal(8);
        config.setMaxWait(Duration.ofMillis(TIMEOUT_MILLIS));
        return config;
    }
}
