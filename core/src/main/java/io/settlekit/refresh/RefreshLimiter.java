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
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The refresh limit (rules R8 of docs/rules.md), implemented once over any {@link DailyCounters}: a non-admin may
 * perform an action at most {@code max} times per calendar day of the deployment zone; admins are never
 * counted.
 *
 * <p>Each check takes a unit of the counter of (action, user) for the day, and is allowed when a unit was
 * left; a denied check takes nothing. The counters keep one counter per key and day, so a new day starts a
 * new counter whatever the backend's expiry does. <b>The day comes from one clock</b>: the limiter offers
 * yesterday, today and tomorrow of its own clock (bounds computed with the zone's rules, DST included) and
 * the backend counts on the one that contains its own now; on Redis that is the server's clock, so service
 * instances whose clocks differ (by up to a day) still agree on the day. Exactly {@code max} checks per
 * user and day are allowed, however many threads and service instances share the counters, as long as
 * the backend's take is atomic.
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
    // the candidate days around the last check and the last valid action: both change rarely, and finding
    // day bounds in the zone costs more than the rest of a check's client-side work (BENCHMARKS.md)
    private volatile Days lastDays;
    private volatile String lastAction;

    /** Yesterday, today and tomorrow of {@code date} in the zone, with the last millisecond of each. */
    private record Days(LocalDate date, List<CountingDay> candidates, List<ZonedDateTime> resetsAt) {
        ZonedDateTime resetsAtOf(CountingDay day) {
            int index = candidates.indexOf(day);
            if (index < 0) {
                throw new IllegalStateException("the counters answered a day that was not offered: " + day);
            }
            return resetsAt.get(index);
        }
    }

    /**
     * @param counters where the counts live (shared by every instance of the service)
     * @param clock    the source of "now" for {@link #check(Actor, String)}
     * @param zone     the deployment zone whose calendar days are counted
     * @param max      refreshes a non-admin may perform per day, 0 to {@value #MAX_LIMIT}
     * @throws ValidationException naming {@code max} when it is outside 0 to {@value #MAX_LIMIT}
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

    /**
     * Checks (and counts) one {@code action} of {@code actor} now.
     *
     * @throws ValidationException naming the field: a missing actor or instant, an action that is not 1-64
     *         characters of a-z, 0-9 and _, an actor id longer than 256 characters, or an instant without a day
     *         end ({@code at}); nothing is counted
     * @throws io.settlekit.base.InfrastructureException when the counters' store fails (nothing is allowed)
     */
    public RefreshDecision check(Actor actor, String action) {
        return checkAt(actor, action, clock.instant());
    }

    /**
     * Checks (and counts) one {@code action} of {@code actor} at {@code at}.
     *
     * @throws ValidationException naming the field: a missing actor or instant, an action that is not 1-64
     *         characters of a-z, 0-9 and _, an actor id longer than 256 characters, or an instant without a day
     *         end ({@code at}); nothing is counted
     * @throws io.settlekit.base.InfrastructureException when the counters' store fails (nothing is allowed)
     */
    public RefreshDecision checkAt(Actor actor, String action, Instant at) {
        Checks.present("actor", actor);
        String checkedAction = checkAction(action);
        Checks.maxLength("actor.id", actor.id(), MAX_USER_LENGTH);
        Days days = daysAround(Checks.present("at", at));
        if (actor.admin()) {
            return new RefreshDecision(true, max, days.resetsAt().get(1), true);
        }
        DayCount count = counters.take(counterKey(checkedAction, actor.id()), days.candidates(), max, at);
        ZonedDateTime resetsAt = days.resetsAtOf(count.day());
        return new RefreshDecision(count.taken(), count.taken() ? (int) (max - count.count()) : 0, resetsAt, false);
    }

    /**
     * Gives back the refresh that {@code decision} allowed {@code actor}, because it did not happen (the
     * refresh failed): the count of that decision's day drops by one, so the user may refresh again that
     * day. Nothing happens for an admin or a denied decision (neither took anything). Call it once per
     * allowed decision at most.
     */
    public void giveBack(Actor actor, String action, RefreshDecision decision) {
        Checks.present("actor", actor);
        String checkedAction = checkAction(action);
        Checks.present("decision", decision);
        if (actor.admin() || decision.admin() || !decision.allowed()) {
            return;
        }
        counters.giveBack(counterKey(checkedAction, actor.id()), decision.resetsAt().toLocalDate());
    }

    private Days daysAround(Instant at) {
        try {
            LocalDate date = at.atZone(zone).toLocalDate();
            Days cached = lastDays;
            if (cached != null && cached.date().equals(date)) {
                return cached;
            }
            List<CountingDay> candidates = List.of(CountingDay.of(date.minusDays(1), zone), CountingDay.of(date, zone),
                    CountingDay.of(date.plusDays(1), zone));
            List<ZonedDateTime> resetsAt = candidates.stream().map(day -> endOfDay(day.date(), zone)).toList();
            Days days = new Days(date, candidates, resetsAt);
            lastDays = days;
            return days;
        } catch (DateTimeException outOfRange) {
            // the first and last days java.time knows have no neighbours: not days anyone refreshes on
            throw ValidationException.invalid("at", at, "is outside the dates a day counter can have");
        }
    }

    /** The last millisecond of {@code day} in {@code zone} (23:59:59.999, or earlier on a DST day that ends early). */
    public static ZonedDateTime endOfDay(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).minusNanos(1_000_000);
    }

    /**
     * The counter key of one user's action: {@code refresh:<action>:<user>} (the counters keep one counter
     * per key and day). The user id comes last and verbatim, so any id maps to its own key.
     */
    public static String counterKey(String action, String user) {
        return "refresh:" + action + ":" + user;
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
