package io.settlekit.mongo;

import io.settlekit.job.JobLease;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import net.javacrumbs.shedlock.core.SimpleLock;

/**
 * A ShedLock lock as the core's {@link JobLease.Held}: released by {@link SimpleLock#unlock}, extended by
 * {@link SimpleLock#extend} (the Mongo provider's {@code findOneAndUpdate} of the lock document while it is
 * unexpired and {@code lockedBy} this host), which answers a new lock object that replaces this one.
 * Thread-safe.
 */
final class ShedLockHeld implements JobLease.Held {
    private final String job;
    private SimpleLock lock;

    ShedLockHeld(String job, SimpleLock lock) {
        this.job = job;
        this.lock = lock;
    }

    @Override
    public synchronized void release() {
        MongoFailures.run("releasing the lock of job " + job, lock::unlock);
    }

    @Override
    public synchronized boolean extend(Instant now, Duration lockAtMostFor) {
        Optional<SimpleLock> extended = MongoFailures.call("extending the lock of job " + job, () -> lock.extend(lockAtMostFor, Duration.ZERO));
        extended.ifPresent(next -> lock = next);
        return extended.isPresent();
    }
}
