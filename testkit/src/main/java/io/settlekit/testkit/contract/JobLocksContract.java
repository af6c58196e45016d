package io.settlekit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.job.JobLease;
import io.settlekit.job.JobLocks;
import io.settlekit.testkit.Concurrently;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The contract of {@link JobLocks}: one holder at a time per job name across every client of the backend,
 * release by closing the lease, expiry after "at most", and a late release never frees a lock another
 * client took since. Expiry uses real time. An adapter's test extends this class and implements
 * {@link #newLocks()}; {@link #hammer(List, int, int)} is there for heavier concurrency in adapter tests.
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
