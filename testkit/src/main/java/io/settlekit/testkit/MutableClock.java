package io.settlekit.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link Clock} that tests set and advance by hand. Thread-safe. */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    /** A clock showing {@code start} in {@code zone}. */
    public MutableClock(Instant start, ZoneId zone) {
        this.now = new AtomicReference<>(start);
        this.zone = zone;
    }

    /** A clock showing {@code start} in its own zone. */
    public static MutableClock at(ZonedDateTime start) {
        return new MutableClock(start.toInstant(), start.getZone());
    }

    /** Moves the clock to {@code instant} (backwards too). */
    public void set(Instant instant) {
        now.set(instant);
    }

    /** Moves the clock to {@code dateTime}. */
    public void set(ZonedDateTime dateTime) {
        now.set(dateTime.toInstant());
    }

    /** Moves the clock forward by {@code step}. */
    public void advance(Duration step) {
        now.updateAndGet(current -> current.plus(step));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MutableClock(now.get(), other);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
