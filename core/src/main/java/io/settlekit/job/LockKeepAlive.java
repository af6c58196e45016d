package io.settlekit.job;


import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a job's lease alive while the job runs: every third of "at most" it extends the lock to now +
 * "at most", on one daemon thread of its own that ends when it is closed. A failure to reach the backend is
 * retried at the next tick (two more before the lock would expire); a lock found lost (it expired, another
 * instance holds it) is reported to the listener and no longer extended.
 */
final class LockKeepAlive implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LockKeepAlive.class);
    private static final long SHORTEST_PERIOD_MILLIS = 50;

    private final ScheduledExecutorService timer;

    private LockKeepAlive(JobLease lease, Duration atMost, LocalDate date, JobListener listener) {
        timer = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "settlekit-lock-keepalive-" + lease.name());
            thread.setDaemon(true); // never keeps a JVM alive
            return thread;
        });
        long period = Math.max(SHORTEST_PERIOD_MILLIS, atMost.toMillis() / 3);
        timer.scheduleAtFixedRate(() -> extend(lease, atMost, date, listener), period, period, TimeUnit.MILLISECONDS);
    }

    /** Starts extending {@code lease} by {@code atMost} until closed. */
    static LockKeepAlive start(JobLease lease, Duration atMost, LocalDate date, JobListener listener) {
        return new LockKeepAlive(lease, atMost, date, listener);
    }

    private void extend(JobLease lease, Duration atMost, LocalDate date, JobListener listener) {
        try {
            if (lease.extend(atMost)) {
                LOG.debug("job {} for {}: lock extended until {}", lease.name(), date, lease.until());
                return;
            }
        } catch (RuntimeException e) {
            LOG.warn("job {} for {}: could not extend its lock (retried; it expires at {})", lease.name(), date, lease.until(), e);
            return;
        }
        LOG.error("job {} for {} lost its lock (expired at {} or taken by another instance): another instance may run it now",
                lease.name(), date, lease.until());
        listener.lockLost(lease.name(), date);
        timer.shutdown();
    }

    /** Stops extending; returns once no extension is running. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
