package io.settlekit.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.job.memory.InMemoryJobLedger;
import io.settlekit.job.memory.InMemoryJobLocks;
import io.settlekit.testkit.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The daily scheduler: next 23:50 in the zone, the date of a late firing, catching up a recent miss. */
class DailySchedulerTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static ZonedDateTime shanghai(int day, int hour, int minute, int second, int millis) {
        return ZonedDateTime.of(2026, 11, day, hour, minute, second, millis * 1_000_000, SHANGHAI);
    }

    @Test
    void theNextRunIsTheNext2350InTheZone() {
        assertThat(DailyScheduler.nextRunAfter(shanghai(21, 10, 0, 0, 0).toInstant(), DailyScheduler.NIGHTLY, SHANGHAI))
                .isEqualTo(shanghai(21, 23, 50, 0, 0));
        assertThat(DailyScheduler.nextRunAfter(shanghai(21, 23, 50, 0, 0).toInstant(), DailyScheduler.NIGHTLY, SHANGHAI))
                .as("strictly after").isEqualTo(shanghai(22, 23, 50, 0, 0));
        assertThat(DailyScheduler.nextRunAfter(shanghai(21, 23, 49, 59, 999).toInstant(), DailyScheduler.NIGHTLY, SHANGHAI))
                .isEqualTo(shanghai(21, 23, 50, 0, 0));
        assertThat(DailyScheduler.lastRunAtOrBefore(shanghai(22, 0, 10, 0, 0).toInstant(), DailyScheduler.NIGHTLY, SHANGHAI))
                .isEqualTo(shanghai(21, 23, 50, 0, 0));
        assertThat(DailyScheduler.lastRunAtOrBefore(shanghai(21, 23, 50, 0, 0).toInstant(), DailyScheduler.NIGHTLY, SHANGHAI))
                .isEqualTo(shanghai(21, 23, 50, 0, 0));
    }

    @Test
    void aTimeSwallowedByADstGapRunsWhenTheGapEnds() {
        ZoneId newYork = ZoneId.of("America/New_York");
        Instant saturday = ZonedDateTime.of(2026, 3, 7, 12, 0, 0, 0, newYork).toInstant();

        ZonedDateTime next = DailyScheduler.nextRunAfter(saturday.plus(Duration.ofDays(1)), LocalTime.of(2, 30), newYork);

        assertThat(next.toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(DailyScheduler.nextRunAfter(saturday, LocalTime.of(2, 30), newYork).toLocalDateTime().toString())
                .as("2026-03-08 02:30 does not exist in New York").isEqualTo("2026-03-08T03:30");
    }

    /** A job recording the dates it ran for, then doing {@code body}. */
    private static final class RecordingJob implements DailyJob<String> {
        final List<LocalDate> dates = new CopyOnWriteArrayList<>();
        final CountDownLatch ran;
        final Runnable body;

        RecordingJob(int expectedRuns) {
            this(expectedRuns, () -> { });
        }

        RecordingJob(int expectedRuns, Runnable body) {
            ran = new CountDownLatch(expectedRuns);
            this.body = body;
        }

        @Override
        public String name() {
            return "scheduled-test";
        }

        @Override
        public Duration lockAtMostFor() {
            return Duration.ofMinutes(5);
        }

        @Override
        public String run(LocalDate date) {
            dates.add(date);
            ran.countDown();
            body.run();
            return "ok";
        }
    }

    private static JobRunner runner(MutableClock clock) {
        return new JobRunner(new InMemoryJobLocks(clock), new InMemoryJobLedger(), clock, JobListener.NONE);
    }

    @Test
    void firesAt2350ForThatDateAndSchedulesTheNextDay() throws InterruptedException {
        MutableClock clock = MutableClock.at(shanghai(21, 23, 49, 59, 700));
        RecordingJob job = new RecordingJob(1);
        try (DailyScheduler scheduler = new DailyScheduler(runner(clock), job, DailyScheduler.NIGHTLY, SHANGHAI, clock,
                Duration.ZERO, Optional.empty())) {
            scheduler.start();
            assertThat(scheduler.nextRun()).contains(shanghai(21, 23, 50, 0, 0));

            clock.set(shanghai(21, 23, 50, 0, 0)); // the wall clock moves on while the executor waits
            assertThat(job.ran.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(job.dates).containsExactly(LocalDate.of(2026, 11, 21));
            awaitNextRun(scheduler, shanghai(22, 23, 50, 0, 0));
        }
    }

    @Test
    void aLateFiringRunsForTheDateItWasScheduledFor() throws InterruptedException {
        MutableClock clock = MutableClock.at(shanghai(21, 23, 49, 59, 900));
        RecordingJob job = new RecordingJob(1);
        try (DailyScheduler scheduler = new DailyScheduler(runner(clock), job, DailyScheduler.NIGHTLY, SHANGHAI, clock,
                Duration.ZERO, Optional.empty())) {
            scheduler.start();
            clock.set(shanghai(22, 0, 20, 0, 0)); // the JVM was paused past midnight

            assertThat(job.ran.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(job.dates).containsExactly(LocalDate.of(2026, 11, 21));
            awaitNextRun(scheduler, shanghai(22, 23, 50, 0, 0));
        }
    }

    @Test
    void aRecentMissIsCaughtUpAtStartAndAnOldOneIsNot() throws InterruptedException {
        MutableClock recent = MutableClock.at(shanghai(22, 0, 30, 0, 0));
        RecordingJob caughtUp = new RecordingJob(1);
        try (DailyScheduler scheduler = DailyScheduler.nightly(runner(recent), caughtUp, SHANGHAI, recent)) {
            scheduler.start();
            assertThat(caughtUp.ran.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(caughtUp.dates).containsExactly(LocalDate.of(2026, 11, 21));
            assertThat(scheduler.nextRun()).contains(shanghai(22, 23, 50, 0, 0));
        }

        MutableClock late = MutableClock.at(shanghai(22, 1, 0, 0, 0));
        RecordingJob notCaughtUp = new RecordingJob(1);
        ScheduledExecutorService hostExecutor = Executors.newSingleThreadScheduledExecutor();
        try (DailyScheduler scheduler = new DailyScheduler(runner(late), notCaughtUp, DailyScheduler.NIGHTLY, SHANGHAI, late,
                Duration.ofMinutes(59), Optional.of(hostExecutor))) {
            scheduler.start();
            assertThat(notCaughtUp.ran.await(500, TimeUnit.MILLISECONDS)).isFalse();
            assertThat(notCaughtUp.dates).isEmpty();
        } finally {
            assertThat(hostExecutor.isShutdown()).as("the host's executor stays the host's").isFalse();
            hostExecutor.shutdownNow();
        }
    }

    @Test
    void aFailingRunIsLoggedAndTheNextDayIsStillScheduled() throws InterruptedException {
        MutableClock clock = MutableClock.at(shanghai(21, 23, 49, 59, 900));
        RecordingJob failing = new RecordingJob(1, () -> {
            throw new IllegalStateException("boom");
        });
        try (DailyScheduler scheduler = new DailyScheduler(runner(clock), failing, DailyScheduler.NIGHTLY, SHANGHAI, clock,
                Duration.ZERO, Optional.empty())) {
            scheduler.start();
            assertThat(failing.ran.await(10, TimeUnit.SECONDS)).isTrue();
            awaitNextRun(scheduler, shanghai(22, 23, 50, 0, 0));
        }
    }

    private static void awaitNextRun(DailyScheduler scheduler, ZonedDateTime expected) throws InterruptedException {
        for (int i = 0; i < 200 && !scheduler.nextRun().equals(Optional.of(expected)); i++) {
            Thread.sleep(10);
        }
        assertThat(scheduler.nextRun()).contains(expected);
    }
}
