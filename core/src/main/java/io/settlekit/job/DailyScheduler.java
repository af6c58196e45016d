package io.settlekit.job;

import io.settlekit.internal.Checks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small daily scheduler hosts may use: runs one {@link DailyJob} through a {@link JobRunner} every day at
 * a local time of the zone (the nightly store balance snapshot runs at 23:50), with
 * {@link RunMode#ONCE_PER_DATE}. Start one on every instance: the runner's lock and ledger make one of them
 * do the work.
 *
 * <p>Hosts with their own scheduler do not need it: they call
 * {@code runner.run(job, date, RunMode.ONCE_PER_DATE)} at the time they choose.
 *
 * <p><b>Timing.</b> The next run is the first occurrence of the local time strictly after now, in the
 * zone (on a day where a DST gap swallows that time, the instant the gap ends). A firing that comes late
 * (a paused JVM, a busy executor) still runs for the date it was scheduled for, never for the date it
 * happens to wake up on.
 *
 * <p><b>Missed runs.</b> When the scheduler starts, if the most recent scheduled time lies at most
 * {@code catchUpWithin} in the past, it runs that date's job at once (the ledger turns this into a no-op
 * when another instance already did it). Older misses are not back-filled: a snapshot taken days later
 * would describe the wrong day. {@code Duration.ZERO} disables catching up.
 *
 * <p><b>Failures.</b> A run that throws is logged (and reported to the runner's listener); the next day's
 * run is scheduled as usual. The failed date is not retried automatically.
 *
 * <p>Thread-safe: its mutable schedule state is guarded by one lock, and the runner's job lock keeps two nodes from
 * running the same day.
 */
public final class DailyScheduler implements AutoCloseable {
    /** The nightly time of the store balance snapshot (rule R7.6 of docs/rules.md). */
    public static final LocalTime NIGHTLY = LocalTime.of(23, 50);
    /** The default catch-up window for a run missed while no instance was up. */
    public static final Duration DEFAULT_CATCH_UP = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(DailyScheduler.class);

    private final JobRunner runner;
    private final DailyJob<?> job;
    private final LocalTime at;
    private final ZoneId zone;
    private final Clock clock;
    private final Duration catchUpWithin;
    private final ScheduledExecutorService executor;
    private final boolean ownsExecutor;
    private final Object guard = new Object();
    private ScheduledFuture<?> next;
    private Future<?> catchUp;
    private ZonedDateTime nextDue;
    private boolean closed;

    /**
     * @param runner        runs the job under the lock and the ledger
     * @param job           the job to run daily
     * @param at            the local time of day to run it
     * @param zone          the deployment zone
     * @param clock         the source of "now"
     * @param catchUpWithin how far back a missed run is still caught up at start ({@code ZERO}: never)
     * @param executor      the executor to schedule on (the host's, kept open on {@link #close()}); empty to
     *                      let the scheduler own one daemon thread
     */
    public DailyScheduler(JobRunner runner, DailyJob<?> job, LocalTime at, ZoneId zone, Clock clock,
                          Duration catchUpWithin, Optional<ScheduledExecutorService> executor) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.job = Objects.requireNonNull(job, "job");
        JobNames.check(job.name());
        this.at = Checks.present("at", at);
        this.zone = Checks.present("zone", zone);
        this.clock = Checks.present("clock", clock);
        this.catchUpWithin = Checks.notNegative("catch_up_within", catchUpWithin);
        this.ownsExecutor = Checks.present("executor", executor).isEmpty();
        this.executor = executor.orElseGet(() -> Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "settlekit-daily-" + job.name());
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** A scheduler running {@code job} at 23:50 in {@code zone} on its own daemon thread, catching up within an hour. */
    public static DailyScheduler nightly(JobRunner runner, DailyJob<?> job, ZoneId zone, Clock clock) {
        return new DailyScheduler(runner, job, NIGHTLY, zone, clock, DEFAULT_CATCH_UP, Optional.empty());
    }

    /** The first occurrence of {@code at} in {@code zone} strictly after {@code now}. */
    public static ZonedDateTime nextRunAfter(Instant now, LocalTime at, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        ZonedDateTime candidate = ZonedDateTime.of(today, at, zone);
        return candidate.toInstant().isAfter(now) ? candidate : ZonedDateTime.of(today.plusDays(1), at, zone);
    }

    /** The last occurrence of {@code at} in {@code zone} at or before {@code now}. */
    public static ZonedDateTime lastRunAtOrBefore(Instant now, LocalTime at, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        ZonedDateTime candidate = ZonedDateTime.of(today, at, zone);
        return candidate.toInstant().isAfter(now) ? ZonedDateTime.of(today.minusDays(1), at, zone) : candidate;
    }

    /** Starts: catches up a recent miss (see the class comment) and schedules the next run. */
    public void start() {
        Instant now = clock.instant();
        ZonedDateTime last = lastRunAtOrBefore(now, at, zone);
        boolean missed = !catchUpWithin.isZero() && Duration.between(last.toInstant(), now).compareTo(catchUpWithin) <= 0;
        synchronized (guard) {
            if (closed) {
                throw new IllegalStateException("the scheduler of job " + job.name() + " is closed");
            }
            if (missed) {
                LOG.info("job {}: catching up the run of {} missed at {}", job.name(), last.toLocalDate(), last);
                catchUp = executor.submit(() -> fire(last.toLocalDate(), false));
            }
            scheduleAfter(now);
        }
    }

    /** When the next run is due, if scheduled. */
    public Optional<ZonedDateTime> nextRun() {
        synchronized (guard) {
            return closed ? Optional.empty() : Optional.ofNullable(nextDue);
        }
    }

    /** Cancels the next run and a pending catch-up (a run in progress finishes) and shuts down the executor if this scheduler owns it. */
    @Override
    public void close() {
        synchronized (guard) {
            closed = true;
            if (next != null) {
                next.cancel(false);
            }
            if (catchUp != null) {
                catchUp.cancel(false);
            }
        }
        if (ownsExecutor) {
            executor.shutdown();
        }
    }

    private void scheduleAfter(Instant now) {
        ZonedDateTime due = nextRunAfter(now, at, zone);
        long delay = Math.max(0, Duration.between(now, due.toInstant()).toMillis());
        nextDue = due;
        next = executor.schedule(() -> fire(due.toLocalDate(), true), delay, TimeUnit.MILLISECONDS);
        LOG.debug("job {}: next run for {} at {}", job.name(), due.toLocalDate(), due);
    }

    private void fire(LocalDate date, boolean reschedule) {
        try {
            runner.run(job, date, RunMode.ONCE_PER_DATE);
        } catch (RuntimeException e) {
            LOG.error("job {} for {} failed; the next run is scheduled as usual", job.name(), date, e);
        } finally {
            if (reschedule) {
                synchronized (guard) {
                    if (!closed) {
                        // never the same occurrence twice: a firing a hair early still moves on to the next day
                        Instant now = clock.instant();
                        Instant fired = ZonedDateTime.of(date, at, zone).toInstant();
                        scheduleAfter(now.isAfter(fired) ? now : fired);
                    }
                }
            }
        }
    }
}
