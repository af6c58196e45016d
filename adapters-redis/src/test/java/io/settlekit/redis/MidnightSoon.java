package io.settlekit.redis;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A fixed-offset zone whose next midnight comes shortly after now on this machine's clock, which the
 * Redis server on loopback shares: lets a test cross a real midnight on Redis's own clock (the day
 * counters take the day from Redis's {@code TIME}, which a test cannot set). Shared with the resilience
 * suite through this module's test jar.
 *
 * @param zone     the zone
 * @param midnight the instant of its next midnight
 */
public record MidnightSoon(ZoneOffset zone, Instant midnight) {

    /** A zone whose next midnight is between {@code atLeast} and {@code atLeast} + 1 s from now. */
    public static MidnightSoon after(Duration atLeast) {
        long midnightSecond = Instant.now().plus(atLeast).getEpochSecond() + 1;
        int offset = -Math.floorMod(midnightSecond, 86_400);
        if (offset <= -43_200) {
            offset += 86_400; // within the +-18 h a ZoneOffset allows
        }
        return new MidnightSoon(ZoneOffset.ofTotalSeconds(offset), Instant.ofEpochSecond(midnightSecond));
    }

    /** The day that ends at {@link #midnight()}. */
    public LocalDate dayBefore() {
        return midnight.minusMillis(1).atOffset(zone).toLocalDate();
    }

    /** The day that starts at {@link #midnight()}. */
    public LocalDate dayAfter() {
        return dayBefore().plusDays(1);
    }

    /** Sleeps until {@code margin} after midnight on this machine's clock. */
    public void awaitPast(Duration margin) throws InterruptedException {
        Instant until = midnight.plus(margin);
        for (Instant now = Instant.now(); now.isBefore(until); now = Instant.now()) {
            Thread.sleep(Math.max(1, Duration.between(now, until).toMillis()));
        }
    }
}
