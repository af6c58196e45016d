package io.settlekit.job;

import io.settlekit.internal.Checks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A held job lock. Closing it releases the lock; a lease never closed expires at its "at most" time unless
 * it is {@linkplain #extend extended} first ({@link io.settlekit.job.JobRunner} extends it while the job runs,
 * so a run longer than "at most" keeps its lock, and a dead holder's lock still expires "at most" after its
 * last extension).
 *
 * <p>Closing releases at most once, and only while the lease's own expiry has not passed: some backends
 * release by name without checking the holder (ShedLock's JDBC and MongoDB providers), so a holder that
 * outlived its lock must not free the lock another instance has taken since. For the same reason an expired
 * lease is never extended. Thread-safe.
 */
public final class JobLease implements AutoCloseable {

    /** The backend's side of a held lock: what an adapter hands to {@link #take}. */
    public interface Held {
        /** Releases the lock in the backend. */
        void release();

        /**
         * Moves the lock's expiry to {@code now + lockAtMostFor}, only while this holder still holds it.
         *
         * @return whether it did; false when the lock is no longer this holder's (it expired, or another
         *         instance holds it now)
         * @throws io.settlekit.base.InfrastructureException when the backend cannot be reached (the lock may
         *         still be held until its current expiry)
         */
        boolean extend(Instant now, Duration lockAtMostFor);
    }

    private final String name;
    private final Clock clock;
    private final Held held;
    private Instant until;
    private boolean open = true;

    /**
     * @param name  the locked job
     * @param until when the lock expires by itself
     * @param clock the clock {@code until} is measured on
     * @param held  releases and extends the lock in the backend
     */
    public JobLease(String name, Instant until, Clock clock, Held held) {
        this.name = Checks.notBlank("job", name);
        this.until = Checks.present("until", until);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.held = Objects.requireNonNull(held, "held");
    }

    /**
     * The usual way an adapter answers {@link JobLocks#tryLock}: reads "now" once, asks the backend to
     * lock {@code job} until now + {@code lockAtMostFor} ({@code lock} answers the held lock, or empty
     * when the lock is held elsewhere) and wraps it in a lease.
     */
    public static Optional<JobLease> take(String job, Duration lockAtMostFor, Clock clock, Function<Instant, Optional<Held>> lock) {
        Instant now = clock.instant();
        return lock.apply(now).map(held -> new JobLease(job, now.plus(lockAtMostFor), clock, held));
    }

    /** The locked job's name. */
    public String name() {
        return name;
    }

    /** When the lock expires unless extended or released before. */
    public synchronized Instant until() {
        return until;
    }

    /**
     * Extends the lock to now + {@code lockAtMostFor}, while this lease is open and its lock has not expired.
     *
     * @return whether the lock is extended; false when the lease is closed, its lock expired, or the backend
     *         says another holder has it
     * @throws io.settlekit.base.InfrastructureException when the backend cannot be reached (try again before
     *         {@link #until()})
     */
    public synchronized boolean extend(Duration lockAtMostFor) {
        Checks.positive("lock_at_most_for", lockAtMostFor);
        Instant now = clock.instant();
        if (!open || !now.isBefore(until)) {
            return false;
        }
        if (!held.extend(now, lockAtMostFor)) {
            return false;
        }
        until = now.plus(lockAtMostFor);
        return true;
    }

    /** Releases the lock, once, unless it has already expired. Idempotent. */
    @Override
    public synchronized void close() {
        if (open) {
            open = false;
            if (clock.instant().isBefore(until)) {
                held.release();
            }
        }
    }
}
