package io.settlekit.mongo;

import io.settlekit.job.JobLease;
import io.settlekit.job.JobLocks;

import com.mongodb.client.MongoDatabase;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;

/**
 * Job locks on MongoDB through ShedLock's {@link MongoLockProvider} (collection {@code shedLock} by
 * default, one document per job name). ShedLock's Mongo provider measures "at most" on the application's
 * clock (MongoDB offers it no server time), so the instances' clocks must agree to well within the lock's
 * duration. The lease does not release a lock whose "at most" has passed, since the provider releases by
 * name; it extends the lock through the provider's own extend (unexpired and held by this host only).
 *
 * <p>Lock times are wall-clock times ({@link Clock#systemUTC()}), never the SDK's injected business clock:
 * ShedLock compares a lock's {@code lock_until} with its own system clock, so a clock set elsewhere (a
 * test's fixed clock, a replay of a past day) would let two instances hold the lock at once.
 *
 * <p>Thread-safe: a final ShedLock provider whose locks are atomic updates on the server.
 */
public final class MongoJobLocks implements JobLocks {
    /** ShedLock's default collection. */
    public static final String DEFAULT_COLLECTION = "shedLock";

    private final MongoLockProvider provider;
    private final Clock clock = Clock.systemUTC();

    /** Locks in the collection {@value #DEFAULT_COLLECTION}. */
    public MongoJobLocks(MongoDatabase database) {
        this(database, DEFAULT_COLLECTION);
    }

    /**
     * @param database   the host's database
     * @param collection the lock collection
     */
    public MongoJobLocks(MongoDatabase database, String collection) {
        Objects.requireNonNull(database, "database");
        this.provider = new MongoLockProvider(database.getCollection(MongoNames.collection("lock_collection", collection)));
    }

    @Override
    public Optional<JobLease> tryLock(String job, Duration lockAtMostFor) {
        return JobLease.take(job, lockAtMostFor, clock, now -> MongoFailures.call("taking the lock of job " + job,
                () -> provider.lock(new LockConfiguration(now, job, lockAtMostFor, Duration.ZERO)))
                .map(lock -> new ShedLockHeld(job, lock)));
    }
}
