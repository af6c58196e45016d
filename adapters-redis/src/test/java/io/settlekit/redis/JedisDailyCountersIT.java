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
 * the day is Redis's, across a real midnight on its clock, for nodes 2 s fast or slow; a node more than a
 * day off is refused; the script survives {@code SCRIPT FLUSH}.
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
        return limiter(clock, SHANGHAI, max);
    }

    private static RefreshLimiter limiter(Clock clock, ZoneId zone, int max) {
        return new RefreshLimiter(new JedisDailyCounters(CLIENTS.standalone(), CLIENTS.prefix(), Duration.ofMinutes(5)), clock, zone, max);
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
    void aNodeTwoSecondsFastCountsOnRedissDayNotItsOwn() throws InterruptedException {
        limiter(Clock.systemUTC(), java.time.ZoneOffset.UTC, 1).check(Actor.user("warm-up"), RefreshLimiter.BALANCE_REFRESH);
        // a real midnight on Redis's clock 1.2-2.2 s from now; the fast node's clock passes it 2 s earlier
        MidnightSoon soon = MidnightSoon.after(Duration.ofMillis(1200));
        RefreshLimiter trueNode = limiter(Clock.system(soon.zone()), soon.zone(), 1);
        RefreshLimiter fastNode = limiter(Clock.offset(Clock.system(soon.zone()), Duration.ofSeconds(2)), soon.zone(), 1);
        RefreshLimiter slowNode = limiter(Clock.offset(Clock.system(soon.zone()), Duration.ofSeconds(-2)), soon.zone(), 1);
        Actor user = Actor.user("skewed-" + System.nanoTime());

        RefreshDecision first = trueNode.check(user, RefreshLimiter.BALANCE_REFRESH);
        RefreshDecision fromTheFastNode = fastNode.check(user, RefreshLimiter.BALANCE_REFRESH);
        assertThat(Instant.now()).as("both presses before the true midnight").isBefore(soon.midnight());

        soon.awaitPast(Duration.ofMillis(100));

        RefreshDecision fromTheSlowNode = slowNode.check(user, RefreshLimiter.BALANCE_REFRESH);
        RefreshDecision fastAgain = fastNode.check(user, RefreshLimiter.BALANCE_REFRESH);
        assertThat(first.allowed()).isTrue();
        assertThat(first.resetsAt().toLocalDate()).isEqualTo(soon.dayBefore());
        assertThat(fromTheFastNode.allowed()).as("a node 2 s fast is still in Redis's day").isFalse();
        assertThat(fromTheFastNode.resetsAt().toLocalDate()).isEqualTo(soon.dayBefore());
        assertThat(fromTheSlowNode.allowed()).as("a node 2 s slow is already in Redis's next day").isTrue();
        assertThat(fromTheSlowNode.resetsAt().toLocalDate()).isEqualTo(soon.dayAfter());
        assertThat(fastAgain.allowed()).isFalse();
    }

    @Test
    void keysCarryTheDayInAHashTaggedKeyAndExpireAfterItsEndPlusTheAllowance() {
        UnifiedJedis jedis = CLIENTS.standalone();
        String user = "ttl-" + System.nanoTime();
        RefreshDecision decision = limiter(Clock.system(SHANGHAI), 1).check(Actor.user(user), RefreshLimiter.BALANCE_REFRESH);

        LocalDate day = decision.resetsAt().toLocalDate();
        String key = CLIENTS.prefix() + "{refresh:balance_refresh:" + user + "}:" + day;
        assertThat(JedisDailyCounters.redisKey(CLIENTS.prefix(), RefreshLimiter.counterKey(RefreshLimiter.BALANCE_REFRESH, user), day)).isEqualTo(key);
        assertThat(jedis.get(key)).isEqualTo("1");
        long expected = RefreshLimiter.endOfDay(day, SHANGHAI).plusMinutes(5).toInstant().toEpochMilli();
        assertThat(jedis.pexpireTime(key)).isEqualTo(expected);
    }

    @Test
    void aGiveBackKeepsTheKeysExpiry() {
        UnifiedJedis jedis = CLIENTS.standalone();
        String user = "give-back-ttl-" + System.nanoTime();
        RefreshLimiter limiter = limiter(Clock.system(SHANGHAI), 2);
        limiter.check(Actor.user(user), RefreshLimiter.BALANCE_REFRESH);
        RefreshDecision second = limiter.check(Actor.user(user), RefreshLimiter.BALANCE_REFRESH);
        String key = JedisDailyCounters.redisKey(CLIENTS.prefix(), RefreshLimiter.counterKey(RefreshLimiter.BALANCE_REFRESH, user),
                second.resetsAt().toLocalDate());
        long expiry = jedis.pexpireTime(key);

        limiter.giveBack(Actor.user(user), RefreshLimiter.BALANCE_REFRESH, second);

        assertThat(jedis.get(key)).isEqualTo("1");
        assertThat(jedis.pexpireTime(key)).isEqualTo(expiry);
    }

    @Test
    void aNodeWhoseClockIsMoreThanADayOffIsAnInfrastructureErrorAndCountsNothing() {
        // the service believes it is 1 January 2020; Redis knows better
        MutableClock behind = MutableClock.at(ZonedDateTime.of(2020, 1, 1, 12, 0, 0, 0, SHANGHAI));
        Actor user = Actor.user("behind-" + System.nanoTime());

        assertThatThrownBy(() -> limiter(behind, 1).check(user, RefreshLimiter.BALANCE_REFRESH))
                .isInstanceOfSatisfying(InfrastructureException.class, e -> assertThat(e.getMessage())
                        .contains("Redis's clock (", "lies in none of the days offered (2019-12-30T16:00:00Z to 2020-01-02T16:00:00Z)",
                                "differ by more than a day; nothing was counted"));
        assertThat(limiter(Clock.system(SHANGHAI), 1).check(user, RefreshLimiter.BALANCE_REFRESH).allowed()).isTrue();
    }

    @Test
    void theScriptIsReloadedAfterScriptFlush() {
        UnifiedJedis jedis = CLIENTS.standalone();
        DailyCounters counters = new JedisDailyCounters(jedis, CLIENTS.prefix(), Duration.ZERO);
        String key = freshKey("flush");
        assertThat(counters.take(key, daysAroundNow(), 10, Instant.now()).count()).isEqualTo(1);

        jedis.scriptFlush();

        assertThat(counters.take(key, daysAroundNow(), 10, Instant.now()).count()).isEqualTo(2);
    }

    @Test
    void aFailingRedisIsAnInfrastructureErrorWithItsCause() {
        UnifiedJedis closed = CLIENTS.standalone();
        closed.close();
        DailyCounters counters = new JedisDailyCounters(closed, CLIENTS.prefix(), Duration.ZERO);

        assertThatThrownBy(() -> counters.take(freshKey("down"), daysAroundNow(), 1, Instant.now()))
                .isInstanceOfSatisfying(InfrastructureException.class, e -> {
                    assertThat(e.code()).isEqualTo("infrastructure");
                    assertThat(e.getMessage()).startsWith("Redis failed while counting a refresh");
                    assertThat(e.getCause()).isNotNull();
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "app{}:", "{}"})
    void aBadPrefixIsATypedError(String prefix) {
        assertThatThrownBy(() -> new JedisDailyCounters(CLIENTS.standalone(), prefix, Duration.ZERO))
                .isInstanceOfSatisfying(io.settlekit.base.ValidationException.class, e -> assertThat(e.field()).contains("key_prefix"));
    }
}
