package io.settlekit.job;

import io.settlekit.internal.Checks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A held job lock. Closing it releases the lock; a lease never closed expires at its "at most" time.
 *
 * <p>Closing releases at most once, and only while the lease's own expiry has not passed: some backends
 * release by name without checking the holder (ShedLock's JDBC and MongoDB providers), so a holder that
 * outlived its lock must not free the lock another instance has taken since. Thread-safe.
 */
public final class JobLease implements AutoCloseable {
    private final String name;
    private final Instant until;
    private final Clock clock;
    private final Runnable release;
    private final AtomicBoolean open = new AtomicBoolean(true);

    /**
     * @param name    the locked job
     * @param until   when the lock expires by itself
     * @param clock   the clock {@code until} is measured on
     * @param release releases the lock in the backend
     */
    public JobLease(String name, Instant until, Clock clock, Runnable release) {
        this.name = Checks.notBlank("job", name);
        this.until = Checks.present("until", until);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.release = Objects.requireNonNull(release, "release");
    }

    /**
     * The usual way an adapter answers {@link JobLocks#tryLock}: reads "now" once, asks the backend to
     * lock {@code job} until now + {@code lockAtMostFor} ({@code lock} answers the release action, or empty
     * when the lock is held elsewhere) and wraps the release in a lease.
     */
    public static Optional<JobLease> take(String job, Duration lockAtMostFor, Clock clock, Function<Instant, Optional<Runnable>> lock) {
        Instant now = clock.instant();
        return lock.apply(now).map(release -> new JobLease(job, now.plus(lockAtMostFor), clock, release));
    }

    /** The locked job's name. */
    public String name() {
        return name;
    }

    /** When the lock expires unless released before. */
    public Instant until() {
        return until;
    }

    /** Releases the lock, once, unless it has already expired. Idempotent. */
    @Override
    public void close() {
        if (open.compareAndSet(true, false) && clock.instant().isBefore(until)) {
            release.run();
        }
    }
}
