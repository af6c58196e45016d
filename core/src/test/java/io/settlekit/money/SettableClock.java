package io.settlekit.money;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** A minimal hand-set clock for the core's own tests (the testkit's MutableClock depends on the core). */
final class SettableClock extends Clock {
    private volatile Instant now;
    private final ZoneId zone;

    SettableClock(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new SettableClock(now, other);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
