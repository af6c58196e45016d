package io.settlekit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.access.Actor;
import io.settlekit.job.JobLedger;
import io.settlekit.job.JobLocks;
import io.settlekit.refresh.RefreshLimiter;
import io.settlekit.refresh.DailyCounters;
import io.settlekit.testkit.contract.DailyCountersContract;
import io.settlekit.testkit.contract.JobLedgerContract;
import io.settlekit.testkit.contract.JobLocksContract;
import io.settlekit.testkit.servers.LocalRedisCluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.UnifiedJedis;

/**
 * Every Redis adapter on a real 3-master Redis Cluster that this test starts on loopback ports (and always
 * tears down): the three contracts, the refresh limit under 3 instances x 64 threads, the job lock under
 * the same load, and scripts reloaded on every node after {@code SCRIPT FLUSH}.
 */
class JedisRedisClusterIT {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @RegisterExtension
    static final LocalRedisCluster CLUSTER = new LocalRedisCluster(3);

    private static final RedisClients CLIENTS = new RedisClients("cluster");

    @AfterAll
    static void closeClients() {
        CLIENTS.closeAll();
    }

    private static RefreshLimiter limiter(Clock clock, int max) {
        return new RefreshLimiter(new JedisDailyCounters(CLIENTS.cluster(CLUSTER), CLIENTS.prefix(), Duration.ofMinutes(5)), clock, SHANGHAI, max);
    }

    @Test
    void theClusterHasThreeMastersOwningAllSlots() {
        for (int port : CLUSTER.ports()) {
            String info = CLUSTER.command(port, "CLUSTER", "INFO");
            assertThat(info).contains("cluster_state:ok", "cluster_slots_assigned:16384", "cluster_size:3");
        }
    }

    @ParameterizedTest(name = "max {0}")
    @ValueSource(ints = {1, 3})
    void threeInstancesOf64ThreadsAllowExactlyMax(int max) throws Exception {
        Clock clock = Clock.system(SHANGHAI);
        List<RefreshLimiter> nodes = List.of(limiter(clock, max), limiter(clock, max), limiter(clock, max));
        Actor user = Actor.user("cluster-hammered-" + max + "-" + System.nanoTime());

        assertThat(Hammer.refreshes(nodes, 64, 5, user)).isEqualTo(max);
    }

    @Test
    void usersSpreadOverEveryMasterAreEachLimited() throws Exception {
        Clock clock = Clock.system(SHANGHAI);
        List<RefreshLimiter> nodes = List.of(limiter(clock, 2), limiter(clock, 2), limiter(clock, 2));
        UnifiedJedis jedis = CLIENTS.cluster(CLUSTER);
        Set<String> owners = new HashSet<>();
        List<Actor> users = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Actor user = Actor.user("spread-" + i + "-" + System.nanoTime());
            users.add(user);
            assertThat(Hammer.refreshes(nodes, 8, 3, user)).isEqualTo(2);
            String key = JedisDailyCounters.redisKey(CLIENTS.prefix(), RefreshLimiter.counterKey(RefreshLimiter.BALANCE_REFRESH, user.id()),
                    java.time.LocalDate.now(SHANGHAI));
            owners.add(ownerOf(key));
            assertThat(jedis.get(key)).as("of 3 x 8 x 3 presses, the 2 allowed counted").isEqualTo("2");
        }
        assertThat(owners).as("the users' keys live on several masters").hasSizeGreaterThan(1);
    }

    @Test
    void aRealMidnightOnRedissClockResetsTheCountForANodeTwoSecondsFast() throws InterruptedException {
        MidnightSoon soon = MidnightSoon.after(Duration.ofMillis(1200));
        RefreshLimiter trueNode = new RefreshLimiter(new JedisDailyCounters(CLIENTS.cluster(CLUSTER), CLIENTS.prefix(), Duration.ofMinutes(5)),
                Clock.system(soon.zone()), soon.zone(), 1);
        RefreshLimiter fastNode = new RefreshLimiter(new JedisDailyCounters(CLIENTS.cluster(CLUSTER), CLIENTS.prefix(), Duration.ofMinutes(5)),
                Clock.offset(Clock.system(soon.zone()), Duration.ofSeconds(2)), soon.zone(), 1);
        Actor user = Actor.user("cluster-boundary-" + System.nanoTime());
        assertThat(trueNode.check(user, RefreshLimiter.BALANCE_REFRESH).allowed()).isTrue();
        assertThat(fastNode.check(user, RefreshLimiter.BALANCE_REFRESH).allowed()).isFalse();
        assertThat(Instant.now()).isBefore(soon.midnight());

        soon.awaitPast(Duration.ofMillis(100));

        assertThat(fastNode.check(user, RefreshLimiter.BALANCE_REFRESH).allowed()).isTrue();
        assertThat(trueNode.check(user, RefreshLimiter.BALANCE_REFRESH).allowed()).isFalse();
    }

    @Test
    void scriptsAreReloadedOnEveryNodeAfterScriptFlush() {
        DailyCounters counters = new JedisDailyCounters(CLIENTS.cluster(CLUSTER), CLIENTS.prefix(), Duration.ZERO);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            keys.add("refresh:flush:" + i + ":" + System.nanoTime());
        }
        keys.forEach(key -> assertThat(counters.take(key, DailyCountersContract.daysAroundNow(), 10, Instant.now()).count()).isEqualTo(1));

        CLUSTER.ports().forEach(port -> assertThat(CLUSTER.command(port, "SCRIPT", "FLUSH")).isEqualTo("OK"));

        keys.forEach(key -> assertThat(counters.take(key, DailyCountersContract.daysAroundNow(), 10, Instant.now()).count()).isEqualTo(2));
    }

    @Test
    void threeInstancesOf64ThreadsNeverHoldAJobLockTogether() throws Exception {
        List<JobLocks> nodes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            nodes.add(new JedisJobLocks(CLIENTS.cluster(CLUSTER), CLIENTS.prefix(), Clock.systemUTC()));
        }

        int[] result = JobLocksContract.hammer(nodes, 64, 10);

        assertThat(result[0]).as("most holders at once").isEqualTo(1);
        assertThat(result[1]).as("acquisitions").isPositive();
    }

    private String ownerOf(String key) {
        for (int port : CLUSTER.ports()) {
            String slot = CLUSTER.command(port, "CLUSTER", "KEYSLOT", key);
            String nodes = CLUSTER.command(port, "CLUSTER", "NODES");
            for (String line : nodes.split("\n")) {
                String[] fields = line.split(" ");
                if (fields.length > 8 && fields[2].contains("master")) {
                    for (int i = 8; i < fields.length; i++) {
                        String[] range = fields[i].split("-");
                        int from = Integer.parseInt(range[0]);
                        int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
                        int s = Integer.parseInt(slot);
                        if (s >= from && s <= to) {
                            return fields[1];
                        }
                    }
                }
            }
        }
        throw new AssertionError("no master owns " + key);
    }

    /** The counters contract on the cluster. */
    @Nested
    class Counters extends DailyCountersContract {
        @Override
        protected DailyCounters newCounters() {
            return new JedisDailyCounters(CLIENTS.cluster(CLUSTER), CLIENTS.prefix(), Duration.ZERO);
        }
    }

    /** The job lock contract on the cluster. */
    @Nested
    class Locks extends JobLocksContract {
        @Override
        protected JobLocks newLocks() {
            return new JedisJobLocks(CLIENTS.cluster(CLUSTER), CLIENTS.prefix(), Clock.systemUTC());
        }
    }

    /** The job ledger contract on the cluster. */
    @Nested
    class Ledger extends JobLedgerContract {
        @Override
        protected JobLedger newLedger() {
            return new JedisJobLedger(CLIENTS.cluster(CLUSTER), CLIENTS.prefix(), Duration.ofDays(1));
        }
    }
}
