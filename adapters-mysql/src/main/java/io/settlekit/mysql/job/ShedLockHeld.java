package io.settlekit.mysql.job;

import io.settlekit.job.JobLease;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;

import net.javacrumbs.shedlock.core.SimpleLock;

/**
 * A ShedLock lock as the core's {@link JobLease.Held}: released by {@link SimpleLock#unlock}, extended by
 * {@link SimpleLock#extend} (the JDBC provider's {@code UPDATE … SET lock_until = ? WHERE name = ? AND
 * locked_by = ? AND lock_until > now}), which answers a new lock object that replaces this one. Thread-safe.
 */
final class ShedLockHeld implements JobLease.Held {
    private final String job;
    private final BiFunction<Instant, Duration, Duration> stretch;
    private SimpleLock lock;

    /**
     * @param stretch what "at most" from now is asked of the backend (e.g. rounded up to a whole second)
     */
    ShedLockHeld(String job, SimpleLock lock, BiFunction<Instant, Duration, Duration> stretch) {
        this.job = job;
        this.lock = lock;
        this.stretch = stretch;
    }

    @Override
    public synchronized void release() {
        ShedLockCalls.call("releasing the lock of job " + job, () -> {
            lock.unlock();
            return null;
        });
    }

    @Override
    public synchronized boolean extend(Instant now, Duration lockAtMostFor) {
        Optional<SimpleLock> extended = ShedLockCalls.call("extending the lock of job " + job,
                () -> lock.extend(stretch.apply(now, lockAtMostFor), Duration.ZERO));
        extended.ifPresent(next -> lock = next);
        return extended.isPresent();
    }
}
