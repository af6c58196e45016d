package io.settlekit.job;

import io.settlekit.base.Port;
import java.time.Duration;
import java.util.Optional;

/**
 * Cluster-wide, non-blocking locks for jobs: "run this named job at most once at a time across every
 * instance sharing the backend". Adapters are built on ShedLock's providers (JDBC, MongoDB) or an
 * equivalent Redis {@code SET NX PX} lock.
 */
@Port
public interface JobLocks {

    /**
     * Takes the lock of {@code job} unless someone holds it.
     *
     * @param job           the job's name, already checked by {@link io.settlekit.job.JobNames}
     * @param lockAtMostFor how long the lock survives a holder that never releases it (a crashed instance)
     * @return the lease, or empty when the lock is held elsewhere
     */
    Optional<JobLease> tryLock(String job, Duration lockAtMostFor);
}
