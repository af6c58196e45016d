package io.settlekit.resilience.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.Settlekit;
import io.settlekit.access.Actor;
import io.settlekit.balance.FinancialEventGroup;
import io.settlekit.balance.FinancialEventGroupSource;
import io.settlekit.balance.RefreshOutcome;
import io.settlekit.balance.SnapshotSettings;
import io.settlekit.balance.memory.InMemoryFinancialEventGroupSource;
import io.settlekit.base.InfrastructureException;
import io.settlekit.job.memory.InMemoryJobLocks;
import io.settlekit.redis.JedisDailyCounters;
import io.settlekit.redis.ScannedKeys;
import io.settlekit.testkit.Concurrently;
import io.settlekit.testkit.balance.SampleEventGroups;
import io.settlekit.testkit.servers.LocalRedis;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import redis.clients.jedis.RedisClient;

/**
 * Scenario 8: refreshes whose snapshot fails give their count back (issue 12, item 8). Three service
 * instances ({@link Settlekit} kits over one Redis through their own clients, each with its own job lock
 * so that their snapshots run side by side, sharing one source of groups) press the refresh button for
 * 50 users with max 1, one thread each, often for the same user at once; half the snapshots fail at
 * random (the source throws like a database going away). Every user keeps pressing until a refresh is
 * used (REFRESHED, or BUSY: another run publishes the day's snapshot); the failures give their count
 * back. Per user exactly one refresh is used, never two, however the failures and presses interleave.
 */
class FailingRefreshesIT {
    private static final int USERS = 50;
    private static final int NODES = 3;

    @Test
    @Timeout(120)
    void failedRefreshesGiveTheirCountBackAndNoUserUsesTwo() throws Exception {
        LocalRedis redis = LocalRedis.check();
        String prefix = LocalRedis.keyPrefix("failing-refreshes");
        // the day is Redis's: a zone in which it is about noon now keeps the run in one day
        ZoneOffset noonNow = ZoneOffset.ofTotalSeconds(Math.floorMod(86_400 - LocalTime.now(ZoneOffset.UTC).toSecondOfDay(), 86_400) - 43_200);
        Clock clock = Clock.system(noonNow);
        InMemoryFinancialEventGroupSource groups = new InMemoryFinancialEventGroupSource();
        groups.add(SampleEventGroups.open(1, "HKD", "1000.40"));
        FailingHalfTheTime source = new FailingHalfTheTime(groups);
        List<RedisClient> clients = new ArrayList<>();
        try {
            List<Settlekit> nodes = new ArrayList<>();
            for (int n = 0; n < NODES; n++) {
                RedisClient client = RedisClient.builder().fromURI(redis.uri()).build();
                clients.add(client);
                Settlekit kit = Settlekit.embedded().clock(clock).zone(noonNow).financialEventGroups(source).jobLocks(new InMemoryJobLocks(clock))
                        .dailyCounters(new JedisDailyCounters(client, prefix, Duration.ofMinutes(5)))
                        .balanceSnapshotSettings(SnapshotSettings.of("T1001")).build();
                kit.rateBook().save(Actor.admin("finance"), "T1001", "HKD", "CNY", new BigDecimal("0.9235"));
                nodes.add(kit);
            }
            AtomicIntegerArray used = new AtomicIntegerArray(USERS);
            AtomicInteger presses = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            AtomicInteger busy = new AtomicInteger();
            List<Concurrently.Task> tasks = new ArrayList<>();
            for (int t = 0; t < NODES; t++) {
                Settlekit node = nodes.get(t);
                int offset = t * 7;
                tasks.add(() -> {
                    for (int round = 0; round < 40; round++) {
                        for (int u = 0; u < USERS; u++) {
                            int user = (u + offset + round) % USERS;
                            presses.incrementAndGet();
                            try {
                                RefreshOutcome outcome = node.balanceRefresh().refresh(Actor.user("failing-" + user));
                                if (outcome.status() != RefreshOutcome.Status.DENIED) {
                                    used.incrementAndGet(user);
                                    if (outcome.status() == RefreshOutcome.Status.BUSY) {
                                        busy.incrementAndGet();
                                    }
                                }
                            } catch (InfrastructureException snapshotFailed) {
                                failed.incrementAndGet();
                            }
                        }
                    }
                });
            }
            Concurrently.run(tasks);

            int total = 0;
            int most = 0;
            int none = 0;
            for (int u = 0; u < USERS; u++) {
                total += used.get(u);
                most = Math.max(most, used.get(u));
                none += used.get(u) == 0 ? 1 : 0;
            }
            FaultLog.record("8-failing-refreshes", "refresh limit max 1 on Redis, " + NODES + " instances, " + USERS + " users, "
                    + presses.get() + " presses, half the snapshots failing: " + failed.get() + " failed refreshes gave their count back; "
                    + total + " refreshes used (" + busy.get() + " of them BUSY), at most " + most + " per user, " + none + " users without one.");
            assertThat(failed.get()).as("snapshots failed").isPositive();
            assertThat(most).as("refreshes used by one user in the day").isEqualTo(1);
            assertThat(none).as("users whose every refresh failed although they kept pressing").isZero();
        } finally {
            if (!clients.isEmpty()) {
                ScannedKeys.deleteAll(clients.get(0), prefix);
            }
            clients.forEach(RedisClient::close);
        }
    }

    /** A source whose reads fail half the time, at random. */
    private static final class FailingHalfTheTime implements FinancialEventGroupSource {
        private final FinancialEventGroupSource delegate;
        private final SplittableRandom random = new SplittableRandom(12);

        FailingHalfTheTime(FinancialEventGroupSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public Set<String> openCurrencies() {
            boolean fail;
            synchronized (random) {
                fail = random.nextBoolean();
            }
            if (fail) {
                throw new InfrastructureException("reading the open groups failed", new IllegalStateException("connection reset"));
            }
            return delegate.openCurrencies();
        }

        @Override
        public void forEachOpen(Consumer<FinancialEventGroup> action) {
            delegate.forEachOpen(action);
        }
    }
}
