package io.settlekit.refresh;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;
import io.settlekit.access.Actor;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The refresh limit of DOMAIN.md §8, implemented once over any {@link DailyCounters}: a non-admin may
 * perform an action at most {@code max} times per calendar day of the deployment zone; admins are never
 * counted.
 *
 * <p>Each check increments the counter of (action, day, user), whose key carries the day, so that a new
 * day starts a new counter whatever the backend's expiry does; the counter expires at the end of the day
 * (23:59:59.999 in the zone). A check is allowed while the count is at most {@code max}. Exactly
 * {@code max} checks per user and day are allowed, however many threads and service instances share
 * the counters, as long as the backend's increment is atomic.
 *
 * <p>Thread-safe; cheap to create (hold one per configuration, or create one per request over shared
 * counters).
 */
public final class RefreshLimiter {
    /** The seed's limit: one refresh per day. */
    public static final int DEFAULT_MAX = 1;
    /** The action of the store balance refresh button. */
    public static final String BALANCE_REFRESH = "balance_refresh";
    /** The largest {@code max} accepted. */
    public static final int MAX_LIMIT = 1_000_000;

    private static final Pattern ACTION = Pattern.compile("[a-z0-9_]{1,64}");
    private static final int MAX_USER_LENGTH = 256;

    private final DailyCounters counters;
    private final Clock clock;
    private final ZoneId zone;
    private final int max;
    // the day of the last check and the last valid action: both change rarely, and formatting the day and
    // finding its end in the zone cost more than the rest of a check's client-side work (BENCHMARKS.md)
    private volatile Day lastDay;
    private volatile String lastAction;

    /** A calendar day of the zone with its key text and its last millisecond. */
    private record Day(LocalDate date, String text, ZonedDateTime resetsAt) {
    }

    /**
     * @param counters where the counts live (shared by every instance of the service)
     * @param clock    the source of "now" for {@link #check(Actor, String)}
     * @param zone     the deployment zone whose calendar days are counted
     * @param max      refreshes a non-admin may perform per day, 0 to {@value #MAX_LIMIT}
     */
    public RefreshLimiter(DailyCounters counters, Clock clock, ZoneId zone, int max) {
        this.counters = Objects.requireNonNull(counters, "counters");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.max = Checks.inRange("max", max, 0, MAX_LIMIT);
    }

    /** The configured maximum per user and day. */
    public int max() {
        return max;
    }

    /** Checks (and counts) one {@code action} of {@code actor} now. */
    public RefreshDecision check(Actor actor, String action) {
        return checkAt(actor, action, clock.instant());
    }

    /** Checks (and counts) one {@code action} of {@code actor} at {@code at}. */
    public RefreshDecision checkAt(Actor actor, String action, Instant at) {
        Checks.present("actor", actor);
        String checkedAction = checkAction(action);
        Checks.maxLength("actor.id", actor.id(), MAX_USER_LENGTH);
        Day day = dayOf(Checks.present("at", at));
        ZonedDateTime resetsAt = day.resetsAt();
        if (actor.admin()) {
            return new RefreshDecision(true, max, resetsAt, true);
        }
        String key = "refresh:" + checkedAction + ":" + day.text() + ":" + actor.id(); // = counterKey(action, day, user)
        long count = counters.increment(key, resetsAt.toInstant(), at);
        boolean allowed = count <= max;
        return new RefreshDecision(allowed, allowed ? (int) (max - count) : 0, resetsAt, false);
    }

    private Day dayOf(Instant at) {
        try {
            LocalDate date = at.atZone(zone).toLocalDate();
            Day cached = lastDay;
            if (cached != null && cached.date().equals(date)) {
                return cached;
            }
            Day day = new Day(date, DateTimeFormatter.ISO_LOCAL_DATE.format(date), endOfDay(date, zone));
            lastDay = day;
            return day;
        } catch (DateTimeException outOfRange) {
            // the last day java.time knows has no "end of day" (LocalDate.MAX + 1): not a day anyone refreshes on
            throw ValidationException.invalid("at", at, "is outside the dates a day counter can have");
        }
    }

    /** The last millisecond of {@code day} in {@code zone} (23:59:59.999, or earlier on a DST day that ends early). */
    public static ZonedDateTime endOfDay(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).minusNanos(1_000_000);
    }

    /**
     * The counter key of one user's action on one day: {@code refresh:<action>:<yyyy-MM-dd>:<user>}. The
     * user id comes last and verbatim, so any id maps to its own key.
     */
    public static String counterKey(String action, LocalDate day, String user) {
        return "refresh:" + action + ":" + DateTimeFormatter.ISO_LOCAL_DATE.format(day) + ":" + user;
    }

    private String checkAction(String action) {
        String checked = Checks.notBlank("action", action);
        if (action.equals(lastAction)) {
            return checked;
        }
        if (!ACTION.matcher(action).matches()) {
            throw ValidationException.invalid("action", action, "must be 1-64 characters of a-z, 0-9 and _");
        }
        lastAction = action;
        return checked;
    }
}
