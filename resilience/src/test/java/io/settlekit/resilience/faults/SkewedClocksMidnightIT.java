package io.settlekit.resilience.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.access.Actor;
import io.settlekit.redis.JedisDailyCounters;
import io.settlekit.redis.MidnightSoon;
import io.settlekit.redis.ScannedKeys;
import io.settlekit.refresh.RefreshDecision;
import io.settlekit.refresh.RefreshLimiter;
import io.settlekit.testkit.Concurrently;
import io.settlekit.testkit.servers.LocalRedis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import redis.clients.jedis.RedisClient;

/**
 * Scenario 7: the refresh limit across a real midnight with skewed clocks (issue 12, item 7). Three
 * service instances, each with its own Redis client and a clock 2 s slow, 0.7 ms fast and 2 s fast (at
 * sub-millisecond offsets), press refresh for 50 users from about 2 s before a midnight to 1.5 s after it.
 * The midnight is a real one on the Redis server's clock: a fixed-offset zone whose midnight comes
 * seconds after the test starts ({@link MidnightSoon}). Each admission is classed by the true time around
 * the call (the machine's clock, which Redis on loopback shares): per user, at most {@code max} (1) before
 * the true midnight and at most 1 after it, and each on the day its side of midnight says.
 */
class SkewedClocksMidnightIT {
    private static final int USERS = 50;
    private static final List<Duration> SKEWS = List.of(Duration.ofNanos(-2_000_400_000L), Duration.ofNanos(700_000L),
            Duration.ofNanos(1_999_600_000L));

    /** One allowed press: the true time around the call and the day the decision counted on. */
    private record Admission(int user, Instant before, Instant after, LocalDate day) {
    }

    @Test
    @Timeout(60)
    void skewedNodesAdmitAtMostOneRefreshPerUserInEachTrueDay() throws Exception {
        LocalRedis redis = LocalRedis.check();
        String prefix = LocalRedis.keyPrefix("skewed-midnight");
        List<RedisClient> clients = new ArrayList<>();
        try {
            List<JedisDailyCounters> counters = new ArrayList<>();
            for (int n = 0; n < SKEWS.size(); n++) {
                RedisClient client = RedisClient.builder().fromURI(redis.uri()).build();
                clients.add(client);
                counters.add(new JedisDailyCounters(client, prefix, Duration.ofMinutes(5)));
                // warm up (connection, script, classes) before the midnight is chosen, so that pressing starts on time
                new RefreshLimiter(counters.get(n), Clock.systemUTC(), ZoneOffset.UTC, 1).check(Actor.user("warm-up"), RefreshLimiter.BALANCE_REFRESH);
            }
            MidnightSoon soon = MidnightSoon.after(Duration.ofMillis(1500));
            Instant stopAt = soon.midnight().plusMillis(1500);
            List<RefreshLimiter> nodes = new ArrayList<>();
            for (int n = 0; n < SKEWS.size(); n++) {
                nodes.add(new RefreshLimiter(counters.get(n), Clock.offset(Clock.system(soon.zone()), SKEWS.get(n)), soon.zone(), 1));
            }
            List<Admission> admissions = Collections.synchronizedList(new ArrayList<>());
            int[] presses = new int[nodes.size()];
            List<Concurrently.Task> tasks = new ArrayList<>();
            for (int n = 0; n < nodes.size(); n++) {
                int node = n;
                tasks.add(() -> {
                    for (int round = 0; Instant.now().isBefore(stopAt); round++) {
                        for (int u = 0; u < USERS; u++) {
                            int user = (u + round * 7 + node * 17) % USERS;
                            Instant before = Instant.now();
                            RefreshDecision decision = nodes.get(node).check(Actor.user("skewed-" + user), RefreshLimiter.BALANCE_REFRESH);
                            Instant after = Instant.now();
                            presses[node]++;
                            if (decision.allowed()) {
                                admissions.add(new Admission(user, before, after, decision.resetsAt().toLocalDate()));
                            }
                        }
                        Thread.sleep(5);
                    }
                });
            }
            Concurrently.run(tasks);

            Map<Integer, Integer> beforeMidnight = new HashMap<>();
            Map<Integer, Integer> afterMidnight = new HashMap<>();
            int straddling = 0;
            List<Admission> onTheWrongDay = new ArrayList<>();
            for (Admission admission : admissions) {
                if (admission.after().isBefore(soon.midnight())) {
                    beforeMidnight.merge(admission.user(), 1, Integer::sum);
                    if (!admission.day().equals(soon.dayBefore())) {
                        onTheWrongDay.add(admission);
                    }
                } else if (!admission.before().isBefore(soon.midnight())) {
                    afterMidnight.merge(admission.user(), 1, Integer::sum);
                    if (!admission.day().equals(soon.dayAfter())) {
                        onTheWrongDay.add(admission);
                    }
                } else {
                    straddling++; // the call spanned the midnight: either day is right
                }
            }
            int totalPresses = presses[0] + presses[1] + presses[2];
            FaultLog.record("7-skewed-clocks-midnight", "refresh limit max 1 on Redis, 3 nodes with clocks -2000.4 ms, +0.7 ms and"
                    + " +1999.6 ms, " + USERS + " users, " + totalPresses + " presses from ~2 s before a real midnight on Redis's clock"
                    + " to 1.5 s after: " + admissions.size() + " admissions (" + sum(beforeMidnight) + " before the true midnight, "
                    + sum(afterMidnight) + " after, " + straddling + " spanning it, " + onTheWrongDay.size()
                    + " counted on the other side's day); most per user in one true day: " + Math.max(max(beforeMidnight), max(afterMidnight)) + ".");
            assertThat(onTheWrongDay).as("admissions counted on a day their true time is not in").isEmpty();
            assertThat(beforeMidnight.values()).as("admissions per user before the true midnight").allSatisfy(count -> assertThat(count).isEqualTo(1));
            assertThat(afterMidnight.values()).as("admissions per user after the true midnight").allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(1));
            assertThat(admissions).hasSizeLessThanOrEqualTo(2 * USERS);
            assertThat(beforeMidnight).as("every user pressed before the midnight").hasSize(USERS);
        } finally {
            if (!clients.isEmpty()) {
                ScannedKeys.deleteAll(clients.get(0), prefix);
            }
            clients.forEach(RedisClient::close);
        }
    }

    private static int sum(Map<Integer, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static int max(Map<Integer, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }
}
