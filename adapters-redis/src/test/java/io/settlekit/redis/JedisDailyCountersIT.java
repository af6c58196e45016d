package io.settlekit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.InfrastructureException;
import io.settlekit.access.Actor;
import io.settlekit.refresh.RefreshDecision;
import io.settlekit.refresh.RefreshLimiter;
import io.settlekit.refresh.DailyCounters;
import io.settlekit.testkit.MutableClock;
import io.settlekit.testkit.contract.DailyCountersContract;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.UnifiedJedis;

/**
 * The Redis day counters pass the counters contract on the local Redis, and the refresh limit holds on
 * them: 3 limiters (3 service instances, each with its own client) x 64 threads allow exactly {@code max};
 * a day boundary in the zone resets the count; the script survives {@code SCRIPT FLUSH}.
 */
class JedisDailyCountersIT extends DailyCountersContract {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final RedisClients CLIENTS = new RedisClients("counters");

    @AfterAll
    static void closeClients() {
        CLIENTS.closeAll();
    }

    @Override
    protected DailyCounters newCounters() {
        return new JedisDailyCounters(CLIENTS.standalone(), CLIENTS.prefix(), Duration.ZERO);
    }

    private static RefreshLimiter limiter(Clock clock, int max) {
        return new RefreshLimiter(new JedisDailyCounters(CLIENTS.standalone(), CLIENTS.prefix(), Duration.ofMinutes(5)), clock, SHANGHAI, max);
    }

    @ParameterizedTest(name = "max {0}")
    @ValueSource(ints = {1, 3, 50})
    void threeInstancesOf64ThreadsAllowExactlyMax(int max) throws Exception {
        Clock clock = Clock.system(SHANGHAI);
        List<RefreshLimiter> nodes = List.of(limiter(clock, max), limiter(clock, max), limiter(clock, max));
        Actor user = Actor.user("hammered-" + max + "-" + System.nanoTime());

        int allowed = Hammer.refreshes(nodes, 64, 5, user);

        assertThat(allowed).isEqualTo(max);
        assertThat(nodes.get(0).check(user, RefreshLimiter.BALANCE_REFRESH).allowed()).isFalse();
    }

    @Test
    void aDayBoundaryInTheZoneResetsTheCount() {
        // a day in the future, so that Redis's own clock keeps the keys (their day carries the count)
        LocalDate day = LocalDate.now(SHANGHAI).plusYears(1);
        MutableClock clock = MutableClock.at(RefreshLimiter.endOfDay(day, SHANGHAI).minusNanos(1_000_000));
        RefreshLimiter node1 = limiter(clock, 1);
        RefreshLimiter node2 = limiter(clock, 1);
        Actor user = Actor.user("boundary-" + System.nanoTime());

        assertThat(node1.check(user, RefreshLimiter.BALANCE_REFRESH).allowed()).isTrue();
        clock.advance(Duration.ofMillis(1));
        RefreshDecision denied = node2.check(user, RefreshLimiter.BALANCE_REFRESH);
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.resetsAt().toOffsetDateTime().toString()).isEqualTo(day + "T23:59:59.999+08:00");

        clock.advance(Duration.ofMillis(1));

        RefreshDecision nextDay = node2.check(user, RefreshLimiter.BALANCE_REFRESH);
        assertThat(nextDay.allowed()).isTrue();
        assertThat(nextDay.resetsAt().toOffsetDateTime().toString()).isEqualTo(day.plusDays(1) + "T23:59:59.999+08:00");
        assertThat(node1.check(user, RefreshLimiter.BALANCE_REFRESH).allowed()).isFalse();
    }

    @Test
    void keysCarryTheDayAndExpireAfterItsEndPlusTheAllowance() {
        UnifiedJedis jedis = CLIENTS.standalone();
        ZonedDateTime now = ZonedDateTime.now(SHANGHAI);
        MutableClock clock = MutableClock.at(now);
        String user = "ttl-" + System.nanoTime();
        new RefreshLimiter(new JedisDailyCounters(jedis, CLIENTS.prefix(), Duration.ofMinutes(5)), clock, SHANGHAI, 1)
                .check(Actor.user(user), RefreshLimiter.BALANCE_REFRESH);

        String key = CLIENTS.prefix() + RefreshLimiter.counterKey(RefreshLimiter.BALANCE_REFRESH, now.toLocalDate(), user);
        assertThat(jedis.get(key)).isEqualTo("1");
        long expected = RefreshLimiter.endOfDay(now.toLocalDate(), SHANGHAI).plusMinutes(5).toInstant().toEpochMilli();
        assertThat(jedis.pexpireTime(key)).isEqualTo(expected);
    }

    @Test
    void aCountMadeWithAClockBehindRedissIsNotDroppedAtOnce() {
        // the service believes it is 1 January 2020; Redis knows better: the key must still count
        MutableClock behind = MutableClock.at(ZonedDateTime.of(2020, 1, 1, 12, 0, 0, 0, SHANGHAI));
        RefreshLimiter limiter = new RefreshLimiter(new JedisDailyCounters(CLIENTS.standalone(), CLIENTS.prefix(), Duration.ZERO), behind, SHANGHAI, 1);
        Actor user = Actor.user("behind-" + System.nanoTime());

        assertThat(limiter.check(user, RefreshLimiter.BALANCE_REFRESH).allowed()).isTrue();
        assertThat(limiter.check(user, RefreshLimiter.BALANCE_REFRESH).allowed()).isFalse();
    }

    @Test
    void theScriptIsReloadedAfterScriptFlush() {
        UnifiedJedis jedis = CLIENTS.standalone();
        DailyCounters counters = new JedisDailyCounters(jedis, CLIENTS.prefix(), Duration.ZERO);
        String key = freshKey("flush");
        Instant expiry = Instant.now().plus(Duration.ofHours(1));
        assertThat(counters.increment(key, expiry, Instant.now())).isEqualTo(1);

        jedis.scriptFlush();

        assertThat(counters.increment(key, expiry, Instant.now())).isEqualTo(2);
    }

    @Test
    void aFailingRedisIsAnInfrastructureErrorWithItsCause() {
        UnifiedJedis closed = CLIENTS.standalone();
        closed.close();
        DailyCounters counters = new JedisDailyCounters(closed, CLIENTS.prefix(), Duration.ZERO);

        assertThatThrownBy(() -> counters.increment(freshKey("down"), Instant.now().plusSeconds(60), Instant.now()))
                .isInstanceOfSatisfying(InfrastructureException.class, e -> {
                    assertThat(e.code()).isEqualTo("infrastructure");
                    assertThat(e.getMessage()).startsWith("Redis failed while counting a refresh");
                    assertThat(e.getCause()).isNotNull();
                });
    }

    @Test
    void aBadPrefixIsATypedError() {
        assertThatThrownBy(() -> new JedisDailyCounters(CLIENTS.standalone(), "has space", Duration.ZERO))
                .isInstanceOfSatisfying(io.settlekit.base.ValidationException.class, e -> assertThat(e.field()).contains("key_prefix"));
    }
}
