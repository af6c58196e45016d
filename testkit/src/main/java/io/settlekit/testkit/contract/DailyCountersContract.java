package io.settlekit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.refresh.DailyCounters;
import io.settlekit.testkit.Concurrently;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link DailyCounters}: counts from 1, keys apart, an expired counter restarts at 1, the
 * first expiry is kept, and concurrent increments never return the same count. Expiry is exercised with
 * real time (short waits), since backends such as Redis expire keys on their own clock. An adapter's test
 * extends this class and implements {@link #newCounters()}.
 */
public abstract class DailyCountersContract {

    /** Counters on the backend under test; each call may be a new client of the same backend. */
    protected abstract DailyCounters newCounters();

    private DailyCounters counters;

    @BeforeEach
    void freshCounters() {
        counters = newCounters();
    }

    /** A key no other test uses. */
    protected static String freshKey(String purpose) {
        return "refresh:test:" + purpose + ":" + UUID.randomUUID();
    }

    private static Instant inAnHour() {
        return Instant.now().plus(Duration.ofHours(1));
    }

    @Test
    void countsFromOne() {
        String key = freshKey("count");
        Instant expiry = inAnHour();

        assertThat(counters.increment(key, expiry, Instant.now())).isEqualTo(1);
        assertThat(counters.increment(key, expiry, Instant.now())).isEqualTo(2);
        assertThat(counters.increment(key, expiry, Instant.now())).isEqualTo(3);
    }

    @Test
    void keysAreCountedApart() {
        String a = freshKey("a");
        String b = freshKey("b");

        counters.increment(a, inAnHour(), Instant.now());
        counters.increment(a, inAnHour(), Instant.now());

        assertThat(counters.increment(b, inAnHour(), Instant.now())).isEqualTo(1);
        assertThat(counters.increment(a, inAnHour(), Instant.now())).isEqualTo(3);
    }

    @Test
    void anyKeyTextIsItsOwnCounter() {
        String base = freshKey("text");
        List<String> keys = List.of(base + ":用户-甲", base + ":{tag}", base + ":a b*?", base + ":A", base + ":a");

        for (String key : keys) {
            assertThat(counters.increment(key, inAnHour(), Instant.now())).as(key).isEqualTo(1);
        }
        assertThat(counters.increment(base + ":a", inAnHour(), Instant.now())).isEqualTo(2);
    }

    @Test
    void anExpiredCounterRestartsAtOne() throws InterruptedException {
        String key = freshKey("expiry");
        Instant soon = Instant.now().plusMillis(300);
        counters.increment(key, soon, Instant.now());
        counters.increment(key, soon, Instant.now());

        waitUntilAfter(soon);

        assertThat(counters.increment(key, inAnHour(), Instant.now())).isEqualTo(1);
        assertThat(counters.increment(key, inAnHour(), Instant.now())).isEqualTo(2);
    }

    @Test
    void theFirstExpiryIsKeptByLaterIncrements() throws InterruptedException {
        String key = freshKey("keep");
        Instant soon = Instant.now().plusMillis(300);
        counters.increment(key, soon, Instant.now());
        counters.increment(key, inAnHour(), Instant.now());

        waitUntilAfter(soon);

        assertThat(counters.increment(key, inAnHour(), Instant.now())).isEqualTo(1);
    }

    @Test
    void concurrentIncrementsFromSeveralClientsNeverShareACount() throws Exception {
        String key = freshKey("concurrent");
        Instant expiry = inAnHour();
        List<DailyCounters> clients = List.of(counters, newCounters(), newCounters());
        int threadsPerClient = 8;
        int perThread = 50;
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        List<Long> all = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Concurrently.Task> tasks = new ArrayList<>();
        for (DailyCounters client : clients) {
            for (int t = 0; t < threadsPerClient; t++) {
                tasks.add(() -> {
                    for (int i = 0; i < perThread; i++) {
                        long count = client.increment(key, expiry, Instant.now());
                        seen.add(count);
                        all.add(count);
                    }
                });
            }
        }
        Concurrently.run(tasks);
        long total = (long) clients.size() * threadsPerClient * perThread;
        assertThat(all).hasSize((int) total);
        assertThat(seen).isEqualTo(LongStream.rangeClosed(1, total).boxed().collect(Collectors.toSet()));
    }

    private static void waitUntilAfter(Instant instant) throws InterruptedException {
        while (!Instant.now().isAfter(instant.plusMillis(50))) {
            Thread.sleep(20);
        }
    }
}
