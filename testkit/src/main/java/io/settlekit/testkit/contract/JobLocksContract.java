package io.settlekit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.job.DailyJob;
import io.settlekit.job.JobListener;
import io.settlekit.job.JobResult;
import io.settlekit.job.JobRunner;
import io.settlekit.job.RunMode;
import io.settlekit.job.memory.InMemoryJobLedger;
import io.settlekit.job.JobLease;
import io.settlekit.job.JobLocks;
import io.settlekit.testkit.Concurrently;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The contract of {@link JobLocks}: one holder at a time per job name across every client of the backend,
 * release by closing the lease, expiry after "at most", and a late release never frees a lock another
 * client took since; a lease extended before its expiry keeps everyone else out past "at most", an expired
 * lease is never extended, and a {@link JobRunner} keeps its lock for a run longer than "at most", so that
 * a second node never runs the job meanwhile. Expiry uses real time. An adapter's test extends this class and implements
 * {@link #newLocks()}; {@link #hammer(List, int, int)} is there for heavier concurrency in adapter tests.
 *
 * <p>Not thread-safe: a JUnit test class, one instance per test method (its concurrency tests start their own threads).
 */
public abstract class JobLocksContract {

    /** Locks on the backend under test; each call is a new client (a new "service instance"). */
    protected abstract JobLocks newLocks();

    /** A job name no other test uses. */
    protected static String freshJob(String purpose) {
        return ("t-" + purpose + "-" + UUID.randomUUID()).substring(0, 40);
    }

    private static final Duration LONG = Duration.ofMinutes(5);

    @Test
    void oneHolderAtATimeAcrossClients() {
        JobLocks node1 = newLocks();
        JobLocks node2 = newLocks();
        String job = freshJob("one");

        Optional<JobLease> first = node1.tryLock(job, LONG);
        assertThat(first).isPresent();
        assertThat(first.get().name()).isEqualTo(job);
        assertThat(node2.tryLock(job, LONG)).isEmpty();
        assertThat(node1.tryLock(job, LONG)).isEmpty();

        first.get().close();

        Optional<JobLease> second = node2.tryLock(job, LONG);
        assertThat(second).isPresent();
        second.get().close();
    }

    @Test
    void jobsAreLockedApart() {
        JobLocks locks = newLocks();
        String a = freshJob("a");
        String b = freshJob("b");

        try (JobLease held = locks.tryLock(a, LONG).orElseThrow()) {
            Optional<JobLease> other = locks.tryLock(b, LONG);
            assertThat(other).isPresent();
            other.get().close();
            assertThat(held.name()).isEqualTo(a);
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        JobLocks locks = newLocks();
        String job = freshJob("twice");
        JobLease lease = locks.tryLock(job, LONG).orElseThrow();
        lease.close();
        JobLease next = newLocks().tryLock(job, LONG).orElseThrow();

        lease.close();

        assertThat(newLocks().tryLock(job, LONG)).as("the second holder still holds it").isEmpty();
        next.close();
    }

    @Test
    void aLockNeverReleasedExpiresAfterAtMost() throws InterruptedException {
        String job = freshJob("expire");
        // 1.5 s: some backends keep lock times to the second (MariaDB through Connector/J drops the fraction)
        JobLease crashed = newLocks().tryLock(job, Duration.ofMillis(1500)).orElseThrow();
        assertThat(newLocks().tryLock(job, LONG)).isEmpty();

        Thread.sleep(2500);

        JobLease taken = newLocks().tryLock(job, LONG).orElseThrow();
        crashed.close();
        assertThat(newLocks().tryLock(job, LONG)).as("a late release must not free the new holder's lock").isEmpty();
        taken.close();
    }

    @Test
    void aLockNeverReleasedIsNeverTakenBeforeAtMost() throws InterruptedException {
        String job = freshJob("not-early");
        Duration atMost = Duration.ofMillis(1200);
        JobLocks other = newLocks();
        long lockedAt = System.nanoTime(); // read before the lock is taken: the wait measured is never too long
        newLocks().tryLock(job, atMost).orElseThrow(); // never released: a crashed holder
        Optional<JobLease> taken;
        do {
            Thread.sleep(25);
            taken = other.tryLock(job, LONG);
        } while (taken.isEmpty() && System.nanoTime() - lockedAt < Duration.ofSeconds(10).toNanos());
        long tookMillis = (System.nanoTime() - lockedAt) / 1_000_000;

        assertThat(taken).as("taken after at most").isPresent();
        assertThat(tookMillis).as("taken after %s ms, at most is %s ms", tookMillis, atMost.toMillis()).isGreaterThanOrEqualTo(atMost.toMillis());
        taken.get().close();
    }

    @Test
    void aLeaseExtendedBeforeItsExpiryKeepsOtherClientsOutPastAtMost() throws InterruptedException {
        String job = freshJob("extend");
        Duration atMost = Duration.ofMillis(2000);
        JobLocks other = newLocks();
        JobLease lease = newLocks().tryLock(job, atMost).orElseThrow();
        long start = System.nanoTime();
        int extensions = 0;
        while (System.nanoTime() - start < Duration.ofMillis(3 * atMost.toMillis()).toNanos()) {
            Thread.sleep(atMost.toMillis() / 3);
            assertThat(lease.extend(atMost)).as("extension %d", extensions).isTrue();
            extensions++;
            assertThat(other.tryLock(job, LONG)).as("held after %d extensions", extensions).isEmpty();
        }

        lease.close();

        Optional<JobLease> taken = other.tryLock(job, LONG);
        assertThat(taken).as("released").isPresent();
        assertThat(lease.extend(atMost)).as("a closed lease is not extended").isFalse();
        assertThat(newLocks().tryLock(job, LONG)).isEmpty();
        taken.get().close();
    }

    @Test
    void anExpiredLeaseIsNeverExtendedOverAnotherHolder() throws InterruptedException {
        String job = freshJob("late-extend");
        JobLease dead = newLocks().tryLock(job, Duration.ofMillis(1500)).orElseThrow();
        Thread.sleep(2500);
        JobLocks second = newLocks();
        JobLease taken = second.tryLock(job, Duration.ofMillis(1500)).orElseThrow();

        assertThat(dead.extend(LONG)).isFalse();

        Thread.sleep(2500);
        Optional<JobLease> third = newLocks().tryLock(job, LONG);
        assertThat(third).as("the late extension did not keep the second holder's lock alive").isPresent();
        third.get().close();
        taken.close();
    }

    @Test
    void aRunLongerThanItsLockKeepsTheSecondNodeOut() throws Exception {
        String name = freshJob("long-run");
        Duration atMost = Duration.ofMillis(2000); // extended every 667 ms: a pause of over a second would not lose it
        LocalDate day = LocalDate.of(2026, 11, 21);
        AtomicBoolean running = new AtomicBoolean();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger runsOfTheSecondNode = new AtomicInteger();
        DailyJob<String> longRun = job(name, atMost, () -> {
            running.set(true);
            sleep(3 * atMost.toMillis()); // three times the lock's lifetime
            running.set(false);
        });
        DailyJob<String> sameJobOnTheSecondNode = job(name, atMost, () -> {
            runsOfTheSecondNode.incrementAndGet();
            if (running.get()) {
                overlaps.incrementAndGet();
            }
        });
        JobRunner first = new JobRunner(newLocks(), new InMemoryJobLedger(), Clock.systemUTC(), JobListener.NONE);
        JobRunner second = new JobRunner(newLocks(), new InMemoryJobLedger(), Clock.systemUTC(), JobListener.NONE);

        CompletableFuture<JobResult<String>> firstRun = CompletableFuture.supplyAsync(() -> first.run(longRun, day, RunMode.FORCE));
        int busy = 0;
        while (!firstRun.isDone()) {
            if (running.get()) {
                JobResult<String> attempt = second.run(sameJobOnTheSecondNode, day, RunMode.FORCE);
                assertThat(attempt.status()).as("the second node while the first runs (attempt %d)", busy + 1).isEqualTo(JobResult.Status.BUSY);
                busy++;
            }
            Thread.sleep(100);
        }

        assertThat(firstRun.get(10, TimeUnit.SECONDS).status()).isEqualTo(JobResult.Status.RAN);
        assertThat(busy).as("the second node tried during the run").isGreaterThanOrEqualTo(10);
        assertThat(overlaps.get()).as("runs of the second node during the first's").isZero();
        assertThat(runsOfTheSecondNode.get()).isZero();
        assertThat(second.run(sameJobOnTheSecondNode, day, RunMode.FORCE).status()).as("after the run: released").isEqualTo(JobResult.Status.RAN);
    }

    private static DailyJob<String> job(String name, Duration atMost, Runnable body) {
        return new DailyJob<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Duration lockAtMostFor() {
                return atMost;
            }

            @Override
            public String run(LocalDate date) {
                body.run();
                return "ran";
            }
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void concurrentClientsNeverHoldALockTogether() throws Exception {
        int[] result = hammer(List.of(newLocks(), newLocks(), newLocks()), 8, 20);

        assertThat(result[0]).as("most holders at once").isEqualTo(1);
        assertThat(result[1]).as("acquisitions").isPositive();
    }

    /**
     * {@code threadsPerClient} threads per client try, {@code attempts} times each, to take one job's lock,
     * hold it briefly and release it.
     *
     * @return {most holders seen at once, successful acquisitions}
     */
    public static int[] hammer(List<JobLocks> clients, int threadsPerClient, int attempts) throws Exception {
        String job = freshJob("hammer");
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger acquired = new AtomicInteger();
        List<Concurrently.Task> tasks = new ArrayList<>();
        for (JobLocks client : clients) {
            for (int t = 0; t < threadsPerClient; t++) {
                tasks.add(() -> {
                    for (int i = 0; i < attempts; i++) {
                        Optional<JobLease> lease = client.tryLock(job, LONG);
                        if (lease.isPresent()) {
                            try (JobLease held = lease.get()) {
                                acquired.incrementAndGet();
                                most.accumulateAndGet(holding.incrementAndGet(), Math::max);
                                Thread.sleep(2);
                                holding.decrementAndGet();
                            }
                        }
                    }
                });
            }
        }
        Concurrently.run(tasks);
        return new int[] {most.get(), acquired.get()};
    }
}
