package io.settlekit.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.InfrastructureException;
import io.settlekit.base.ValidationException;
import io.settlekit.job.memory.InMemoryJobLedger;
import io.settlekit.job.memory.InMemoryJobLocks;
import io.settlekit.testkit.MutableClock;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** The job runner: once at a time (lock), once per date (ledger) unless forced, failures record nothing. */
class JobRunnerTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);

    private final MutableClock clock = MutableClock.at(ZonedDateTime.of(2026, 11, 21, 23, 50, 0, 0, SHANGHAI));
    private final InMemoryJobLocks locks = new InMemoryJobLocks(clock);
    private final InMemoryJobLedger ledger = new InMemoryJobLedger();
    private final List<String> events = new ArrayList<>();
    private final JobListener listener = new JobListener() {
        @Override
        public void started(String job, LocalDate date) {
            events.add("started " + job + " " + date);
        }

        @Override
        public void completed(JobCompletion completion, Duration took) {
            events.add("completed " + completion.job() + " " + completion.date() + " in " + took);
        }

        @Override
        public void skipped(String job, LocalDate date, JobResult.Status why) {
            events.add("skipped " + job + " " + date + " " + why);
        }

        @Override
        public void unfinished(String job, LocalDate date, String detail, Duration took) {
            events.add("unfinished " + job + " " + date + ": " + detail);
        }

        @Override
        public void failed(String job, LocalDate date, RuntimeException error) {
            events.add("failed " + job + " " + date + " " + error.getMessage());
        }
    };
    private final JobRunner runner = new JobRunner(locks, ledger, clock, listener);

    /** A job counting its runs; {@code body} computes the result (and may move the clock or throw). */
    private static final class CountingJob implements DailyJob<String> {
        final AtomicInteger runs = new AtomicInteger();
        final Function<LocalDate, String> body;

        CountingJob(Function<LocalDate, String> body) {
            this.body = body;
        }

        @Override
        public String name() {
            return "nightly-test";
        }

        @Override
        public Duration lockAtMostFor() {
            return Duration.ofMinutes(10);
        }

        @Override
        public String run(LocalDate date) {
            runs.incrementAndGet();
            return body.apply(date);
        }

        @Override
        public boolean finishes(String result) {
            return !result.startsWith("not yet");
        }
    }

    @Test
    void aResultThatDoesNotFinishTheDateIsReturnedButNotRecordedSoTheNextRunRunsAgain() {
        AtomicInteger attempt = new AtomicInteger();
        CountingJob job = new CountingJob(date -> attempt.incrementAndGet() == 1 ? "not yet: files missing" : "done");

        JobResult<String> first = runner.run(job, DAY, RunMode.ONCE_PER_DATE);
        JobResult<String> second = runner.run(job, DAY, RunMode.ONCE_PER_DATE);
        JobResult<String> third = runner.run(job, DAY, RunMode.ONCE_PER_DATE);

        assertThat(first.status()).isEqualTo(JobResult.Status.RAN_UNFINISHED);
        assertThat(first.result()).contains("not yet: files missing");
        assertThat(first.completion()).isEmpty();
        assertThat(first.ran()).isTrue();
        assertThat(second.status()).isEqualTo(JobResult.Status.RAN);
        assertThat(third.status()).isEqualTo(JobResult.Status.ALREADY_DONE);
        assertThat(job.runs).hasValue(2);
        assertThat(events).startsWith("started nightly-test 2026-11-21", "unfinished nightly-test 2026-11-21: not yet: files missing");
        assertThat(locks.tryLock("nightly-test", Duration.ofMinutes(1))).as("the lock was released").isPresent();
    }

    @Test
    void runsRecordsAndSkipsAFinishedDate() {
        CountingJob job = new CountingJob(date -> {
            clock.advance(Duration.ofSeconds(3));
            return "done " + date;
        });

        JobResult<String> first = runner.run(job, DAY, RunMode.ONCE_PER_DATE);
        JobResult<String> second = runner.run(job, DAY, RunMode.ONCE_PER_DATE);

        JobCompletion completion = new JobCompletion("nightly-test", DAY, clock.instant(), "done 2026-11-21");
        assertThat(first).isEqualTo(new JobResult<>(JobResult.Status.RAN, "nightly-test", DAY, Optional.of("done 2026-11-21"), Optional.of(completion)));
        assertThat(second).isEqualTo(new JobResult<>(JobResult.Status.ALREADY_DONE, "nightly-test", DAY, Optional.empty(), Optional.of(completion)));
        assertThat(job.runs).hasValue(1);
        assertThat(ledger.completion("nightly-test", DAY)).contains(completion);
        assertThat(events).containsExactly("started nightly-test 2026-11-21", "completed nightly-test 2026-11-21 in PT3S",
                "skipped nightly-test 2026-11-21 ALREADY_DONE");
    }

    @Test
    void anotherDateRunsAgainAndForceRedoesADate() {
        CountingJob job = new CountingJob(date -> "ok");
        runner.run(job, DAY, RunMode.ONCE_PER_DATE);

        assertThat(runner.run(job, DAY.plusDays(1), RunMode.ONCE_PER_DATE).ran()).isTrue();
        assertThat(runner.run(job, DAY, RunMode.FORCE).ran()).isTrue();
        assertThat(job.runs).hasValue(3);
    }

    @Test
    void aHeldLockAnswersBusyAndRunsNothing() {
        CountingJob job = new CountingJob(date -> "ok");
        try (JobLease elsewhere = locks.tryLock("nightly-test", Duration.ofMinutes(5)).orElseThrow()) {
            JobResult<String> result = runner.run(job, DAY, RunMode.FORCE);

            assertThat(result.status()).isEqualTo(JobResult.Status.BUSY);
            assertThat(result.result()).isEmpty();
            assertThat(result.completion()).isEmpty();
        }
        assertThat(job.runs).hasValue(0);
        assertThat(ledger.completion("nightly-test", DAY)).isEmpty();
        assertThat(runner.run(job, DAY, RunMode.ONCE_PER_DATE).ran()).as("the lock was released").isTrue();
    }

    @Test
    void aFailingJobReleasesTheLockRecordsNothingAndThrows() {
        CountingJob failing = new CountingJob(date -> {
            throw new InfrastructureException("MongoDB failed while writing", new RuntimeException("down"));
        });

        assertThatThrownBy(() -> runner.run(failing, DAY, RunMode.ONCE_PER_DATE))
                .isInstanceOf(InfrastructureException.class);

        assertThat(ledger.completion("nightly-test", DAY)).isEmpty();
        assertThat(events).contains("failed nightly-test 2026-11-21 MongoDB failed while writing");
        CountingJob fixed = new CountingJob(date -> "ok");
        assertThat(runner.run(fixed, DAY, RunMode.ONCE_PER_DATE).ran()).isTrue();
    }

    @Test
    void theLedgerIsReadAgainUnderTheLock() {
        // another instance finishes the date between the first ledger read and the lock
        JobLedger racing = new JobLedger() {
            private int reads;

            @Override
            public Optional<JobCompletion> completion(String job, LocalDate date) {
                return reads++ == 0 ? Optional.empty() : Optional.of(new JobCompletion(job, date, clock.instant(), "by node 2"));
            }

            @Override
            public void record(JobCompletion completion) {
                throw new AssertionError("nothing ran, nothing to record");
            }
        };
        CountingJob job = new CountingJob(date -> "ok");

        JobResult<String> result = new JobRunner(locks, racing, clock, JobListener.NONE).run(job, DAY, RunMode.ONCE_PER_DATE);

        assertThat(result.status()).isEqualTo(JobResult.Status.ALREADY_DONE);
        assertThat(result.completion().orElseThrow().detail()).isEqualTo("by node 2");
        assertThat(job.runs).hasValue(0);
    }

    @Test
    void badJobsAreTypedErrors() {
        DailyJob<String> badName = new DailyJob<>() {
            @Override
            public String name() {
                return "Nightly Job";
            }

            @Override
            public Duration lockAtMostFor() {
                return Duration.ofMinutes(1);
            }

            @Override
            public String run(LocalDate date) {
                throw new AssertionError("must not run");
            }
        };
        CountingJob job = new CountingJob(date -> "ok");

        assertThatThrownBy(() -> runner.run(badName, DAY, RunMode.FORCE))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).startsWith("job = 'Nightly Job'"));
        assertThatThrownBy(() -> runner.run(job, null, RunMode.FORCE))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("date"));
        assertThat(job.runs).hasValue(0);
    }

    @Test
    void anOverlongDetailIsCutForTheLedger() {
        CountingJob job = new CountingJob(date -> "x".repeat(2_000));

        JobResult<String> result = runner.run(job, DAY, RunMode.ONCE_PER_DATE);

        assertThat(result.result().orElseThrow()).hasSize(2_000);
        assertThat(result.completion().orElseThrow().detail()).hasSize(JobCompletion.MAX_DETAIL);
    }

    /** Locks that always grant the lock and answer every extension with {@code extendAnswer}, counting them. */
    private static io.settlekit.job.JobLocks grantingLocks(java.time.Clock clock, boolean extendAnswer, AtomicInteger extensions,
                                                               java.util.concurrent.CountDownLatch extended) {
        return (job, atMost) -> JobLease.take(job, atMost, clock, now -> Optional.of(new JobLease.Held() {
            @Override
            public void release() {
            }

            @Override
            public boolean extend(java.time.Instant at, Duration lockAtMostFor) {
                extensions.incrementAndGet();
                extended.countDown();
                return extendAnswer;
            }
        }));
    }

    /** A job whose run waits (at most 30 s) for {@code until}, with a 150 ms lock. */
    private static DailyJob<String> waitingJob(java.util.concurrent.CountDownLatch until) {
        return new DailyJob<>() {
            @Override
            public String name() {
                return "keep-alive";
            }

            @Override
            public Duration lockAtMostFor() {
                return Duration.ofMillis(150);
            }

            @Override
            public String run(LocalDate date) {
                try {
                    return until.await(30, java.util.concurrent.TimeUnit.SECONDS) ? "ran" : "gave up waiting";
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return "interrupted";
                }
            }
        };
    }

    @Test
    void theLockIsExtendedWhileTheJobRunsAndNoLongerAfterwards() throws InterruptedException {
        AtomicInteger extensions = new AtomicInteger();
        java.util.concurrent.CountDownLatch threeExtensions = new java.util.concurrent.CountDownLatch(3);
        JobRunner runner = new JobRunner(grantingLocks(clock, true, extensions, threeExtensions), ledger, clock, listener);

        JobResult<String> result = runner.run(waitingJob(threeExtensions), DAY, RunMode.ONCE_PER_DATE);

        assertThat(result.result()).contains("ran");
        int atTheEnd = extensions.get();
        assertThat(atTheEnd).isGreaterThanOrEqualTo(3);
        Thread.sleep(300); // six keep-alive periods
        assertThat(extensions.get()).as("no extension after the run").isEqualTo(atTheEnd);
    }

    @Test
    void aLockThatCannotBeExtendedIsReportedLost() {
        java.util.concurrent.CountDownLatch lost = new java.util.concurrent.CountDownLatch(1);
        List<String> lostLocks = new java.util.concurrent.CopyOnWriteArrayList<>();
        JobListener hearsLoss = new JobListener() {
            @Override
            public void lockLost(String job, LocalDate date) {
                lostLocks.add(job + " " + date);
                lost.countDown();
            }
        };
        AtomicInteger extensions = new AtomicInteger();
        JobRunner runner = new JobRunner(grantingLocks(clock, false, extensions, new java.util.concurrent.CountDownLatch(1)), ledger, clock, hearsLoss);

        JobResult<String> result = runner.run(waitingJob(lost), DAY, RunMode.ONCE_PER_DATE);

        assertThat(result.result()).contains("ran");
        assertThat(lostLocks).containsExactly("keep-alive " + DAY);
        assertThat(extensions.get()).as("not extended again once lost").isEqualTo(1);
    }
}
