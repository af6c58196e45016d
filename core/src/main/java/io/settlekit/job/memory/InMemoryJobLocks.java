package io.settlekit.job.memory;

import io.settlekit.job.JobLease;
import io.settlekit.job.JobLocks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Job locks within one JVM (a single-instance deployment, tests, the demo). A lock not released expires at
 * its "at most" time by the given clock; releasing and extending are by token, so a holder whose lock
 * expired and was taken by another never releases nor extends the other's lock. Thread-safe.
 */
public final class InMemoryJobLocks implements JobLocks {
    private record Held(String token, Instant until) {
    }

    private final ConcurrentMap<String, Held> held = new ConcurrentHashMap<>();
    private final Clock clock;

    /** Locks whose expiry is read from {@code clock}. */
    public InMemoryJobLocks(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<JobLease> tryLock(String job, Duration lockAtMostFor) {
        return JobLease.take(job, lockAtMostFor, clock, now -> {
            String token = UUID.randomUUID().toString();
            Held mine = new Held(token, now.plus(lockAtMostFor));
            Held result = held.compute(job, (name, current) -> current == null || !current.until().isAfter(now) ? mine : current);
            return result != mine ? Optional.empty() : Optional.of(new JobLease.Held() {
                @Override
                public void release() {
                    held.computeIfPresent(job, (name, current) -> current.token().equals(token) ? null : current);
                }

                @Override
                public boolean extend(Instant at, Duration atMost) {
                    Held extended = new Held(token, at.plus(atMost));
                    return held.computeIfPresent(job, (name, current) ->
                            current.token().equals(token) && current.until().isAfter(at) ? extended : current) == extended;
                }
            });
        });
    }
}
