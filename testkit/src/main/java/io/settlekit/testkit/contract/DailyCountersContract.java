package io.settlekit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.SettlekitException;
import io.settlekit.refresh.CountingDay;
import io.settlekit.refresh.DailyCounters;
import io.settlekit.refresh.DayCount;
import io.settlekit.testkit.Concurrently;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link DailyCounters}: takes count from 1 up to the maximum and no further, keys and
 * days apart, the day is the offered one that contains the backend's now (exercised with real time,
 * since backends such as Redis read their own clock), a backend's now outside every offered day is a
 * typed error that counts nothing, concurrent takes from several clients never take more than the
 * maximum nor share a count, and a unit given back can be taken again (never below zero, only on its key
 * and day, exact under concurrent takes and give-backs). An adapter's test extends this class and implements {@link #newCounters()}.
 *
 * <p>Not thread-safe: a JUnit test class, one instance per test method (its concurrency tests start their own threads).
 */
public abstract class DailyCountersContract {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);

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

    /** Yesterday, today and tomorrow as hour-long days, today holding the real now. */
    public static List<CountingDay> daysAroundNow() {
        Instant now = Instant.now();
        return List.of(new CountingDay(DAY.minusDays(1), now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(1))),
                new CountingDay(DAY, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1))),
                new CountingDay(DAY.plusDays(1), now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(3))));
    }

    private DayCount take(String key, int max) {
        return counters.take(key, daysAroundNow(), max, Instant.now());
    }

    @Test
    void takesCountFromOneUpToTheMaximumOnTheDayHoldingNow() {
        String key = freshKey("count");

        List<DayCount> counts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            counts.add(take(key, 3));
        }

        assertThat(counts).extracting(DayCount::count).containsExactly(1L, 2L, 3L, 3L, 3L);
        assertThat(counts).extracting(DayCount::taken).containsExactly(true, true, true, false, false);
        assertThat(counts).extracting(count -> count.day().date()).containsOnly(DAY);
    }

    @Test
    void aMaximumOfZeroTakesNothing() {
        DayCount count = take(freshKey("zero"), 0);

        assertThat(count.taken()).isFalse();
        assertThat(count.count()).isZero();
    }

    @Test
    void keysAreCountedApart() {
        String a = freshKey("a");
        String b = freshKey("b");

        take(a, 10);
        take(a, 10);

        assertThat(take(b, 10).count()).isEqualTo(1);
        assertThat(take(a, 10).count()).isEqualTo(3);
    }

    @Test
    void anyKeyTextIsItsOwnCounter() {
        String base = freshKey("text");
        List<String> keys = List.of(base + ":用户-甲", base + ":{tag}", base + ":}{", base + ":{", base + ":}", base + ":a b*?",
                base + ":A", base + ":a");

        for (String key : keys) {
            assertThat(take(key, 10).count()).as(key).isEqualTo(1);
        }
        assertThat(take(base + ":a", 10).count()).isEqualTo(2);
    }

    @Test
    void theDayIsTheOneHoldingTheBackendsNowAndEachDayCountsApart() throws InterruptedException {
        String key = freshKey("days");
        Instant split = Instant.now().plusMillis(300);
        List<CountingDay> days = List.of(new CountingDay(DAY, split.minus(Duration.ofHours(1)), split),
                new CountingDay(DAY.plusDays(1), split, split.plus(Duration.ofHours(1))));
        DayCount first = counters.take(key, days, 1, Instant.now());
        DayCount again = counters.take(key, days, 1, Instant.now());

        waitUntilAfter(split);

        DayCount nextDay = counters.take(key, days, 1, Instant.now());
        assertThat(first).isEqualTo(new DayCount(days.get(0), 1, true));
        assertThat(again).isEqualTo(new DayCount(days.get(0), 1, false));
        assertThat(nextDay).isEqualTo(new DayCount(days.get(1), 1, true));
    }

    @Test
    void aBackendNowOutsideEveryOfferedDayIsATypedErrorAndCountsNothing() {
        String key = freshKey("outside");
        Instant now = Instant.now();
        List<CountingDay> past = List.of(new CountingDay(DAY.minusDays(2), now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(2))),
                new CountingDay(DAY.minusDays(1), now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1))));

        assertThatThrownBy(() -> counters.take(key, past, 1, now)).isInstanceOf(SettlekitException.class);

        DayCount after = take(key, 1);
        assertThat(after.taken()).as("the refused call took nothing").isTrue();
        assertThat(after.count()).isEqualTo(1);
    }

    @Test
    void concurrentTakesFromSeveralClientsTakeExactlyTheMaximumWithDistinctCounts() throws Exception {
        String key = freshKey("concurrent");
        int max = 100;
        List<DailyCounters> clients = List.of(counters, newCounters(), newCounters());
        List<Long> taken = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        List<Concurrently.Task> tasks = new ArrayList<>();
        for (DailyCounters client : clients) {
            for (int t = 0; t < 8; t++) {
                tasks.add(() -> {
                    for (int i = 0; i < 10; i++) {
                        DayCount count = client.take(key, daysAroundNow(), max, Instant.now());
                        if (count.taken()) {
                            taken.add(count.count());
                        } else {
                            assertThat(count.count()).isEqualTo(max);
                            refused.incrementAndGet();
                        }
                    }
                });
            }
        }
        Concurrently.run(tasks);

        assertThat(taken).hasSize(max);
        assertThat(taken.stream().collect(Collectors.toSet())).isEqualTo(LongStream.rangeClosed(1, max).boxed().collect(Collectors.toSet()));
        assertThat(refused.get()).isEqualTo(3 * 8 * 10 - max);
    }

    @Test
    void aUnitGivenBackCanBeTakenAgainTheSameDay() {
        String key = freshKey("give-back");
        DayCount first = take(key, 1);
        assertThat(take(key, 1).taken()).isFalse();

        assertThat(counters.giveBack(key, first.day().date())).isZero();

        DayCount again = take(key, 1);
        assertThat(again.taken()).isTrue();
        assertThat(again.count()).isEqualTo(1);
        assertThat(take(key, 1).taken()).isFalse();
    }

    @Test
    void givingBackNeverGoesBelowZeroNorCreatesACounter() {
        String key = freshKey("below-zero");
        assertThat(counters.giveBack(key, DAY)).isZero();
        take(key, 2);
        assertThat(counters.giveBack(key, DAY)).isZero();
        assertThat(counters.giveBack(key, DAY)).isZero();

        assertThat(take(key, 2).count()).isEqualTo(1);
        assertThat(take(key, 2).count()).isEqualTo(2);
        assertThat(take(key, 2).taken()).isFalse();
    }

    @Test
    void givingBackTouchesOnlyItsKeyAndDay() {
        String key = freshKey("its-day");
        String other = freshKey("other");
        take(key, 1);
        take(other, 1);

        assertThat(counters.giveBack(key, DAY.plusDays(1))).isZero();
        assertThat(counters.giveBack(key + "x", DAY)).isZero();

        assertThat(take(key, 1).taken()).isFalse();
        assertThat(take(other, 1).taken()).isFalse();
    }

    @Test
    void concurrentTakesAndGiveBacksFromSeveralClientsKeepTheCountExact() throws Exception {
        String key = freshKey("take-give");
        int max = 5;
        List<DailyCounters> clients = List.of(counters, newCounters(), newCounters());
        AtomicInteger taken = new AtomicInteger();
        AtomicInteger givenBack = new AtomicInteger();
        List<Concurrently.Task> tasks = new ArrayList<>();
        for (DailyCounters client : clients) {
            for (int t = 0; t < 8; t++) {
                tasks.add(() -> {
                    int mine = 0;
                    for (int i = 0; i < 40; i++) {
                        DayCount count = client.take(key, daysAroundNow(), max, Instant.now());
                        assertThat(count.count()).isBetween(0L, (long) max);
                        if (count.taken()) {
                            taken.incrementAndGet();
                            if (mine++ % 2 == 0) { // every other unit this thread took "failed"
                                client.giveBack(key, count.day().date());
                                givenBack.incrementAndGet();
                            }
                        }
                    }
                });
            }
        }
        Concurrently.run(tasks);

        long held = counters.take(key, daysAroundNow(), 0, Instant.now()).count(); // a maximum of 0 only reads
        assertThat(held).isEqualTo(taken.get() - givenBack.get());
        assertThat(held).isLessThanOrEqualTo(max);
        assertThat(givenBack.get()).as("the race was exercised").isPositive();
    }

    private static void waitUntilAfter(Instant instant) throws InterruptedException {
        while (!Instant.now().isAfter(instant.plusMillis(50))) {
            Thread.sleep(20);
        }
    }
}
