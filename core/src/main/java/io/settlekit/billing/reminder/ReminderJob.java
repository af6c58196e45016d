package io.settlekit.billing.reminder;

import io.settlekit.billing.MerchantAccount;
import io.settlekit.billing.Bill;
import io.settlekit.billing.BillingCalendar;
import io.settlekit.billing.BillingDates;
import io.settlekit.billing.LedgerView;
import io.settlekit.billing.MerchantLedger;
import io.settlekit.billing.Period;
import io.settlekit.billing.PlanHistory;
import io.settlekit.billing.PlanStore;
import io.settlekit.internal.Batches;
import io.settlekit.internal.Redact;
import io.settlekit.job.DailyJob;
import io.settlekit.base.SettlekitException;
import io.settlekit.money.Amount;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily settlement reminder job (rules R6.6–R6.9 of docs/rules.md). A run for date t finds every merchant whose pending
 * period has its reminder date on t (plus failed sends of the last seven days whose period is still
 * pending), keeps those who owe money ({@code pay_price + history_pay_price > 0}), renders the message,
 * and for each one <em>claims the send in the {@link ReminderLog} before sending</em> (the status rules are
 * {@link ReminderTransitions}'; the log only stores them atomically): only the caller
 * whose claim succeeds sends, so rerunning the job, or running it on several nodes at once, never sends a
 * merchant twice for the same period and day. A failed send is recorded with its reason and retried by
 * the next run while attempts remain.
 *
 * <p>Claims have a lease ({@link ReminderSettings#claimLease()}, measured from the claim time on this job's
 * clock): a claim whose outcome was never recorded (its process died after the claim, before or after the
 * provider call) is, once its lease has run out, taken over by the next run
 * ({@link ReminderTransitions#expireClaim}) as a send of unknown outcome and settled like one (below); the run
 * counts it in {@link ReminderRunReport#staleClaims()}. It is never resent without the notifier's word
 * that it was not delivered: at most once beats at least once for a message that costs money.
 *
 * <p>Ambiguous sends: when the notifier wrote its request but got no answer
 * ({@link SendOutcomeUnknownException}, e.g. a read timeout), the provider may have accepted the message.
 * The send is recorded {@link ReminderStatus#UNKNOWN} with its reason and reported
 * {@linkplain ReminderOutcome.Result#UNCONFIRMED unconfirmed}; the date stays open. The next run (the same
 * day, or a later one within the retry window while the period is pending) first asks
 * {@link ReminderNotifier#check}: delivered → recorded SENT with the provider's reference, reported
 * {@linkplain ReminderOutcome.Result#CONFIRMED confirmed}, no new message; not delivered → recorded FAILED
 * and retried at once (the claim again keeps it duplicate-free); cannot tell (a notifier without a status
 * query, or the query failed) → left UNKNOWN, reported unconfirmed again, never resent automatically. An
 * operator who decides to resend one settles it with
 * {@link ReminderTransitions#resolveUnknown new ReminderTransitions(log).resolveUnknown(key, FAILED, reason, now)}: the next run
 * then retries it like any failure (while attempts remain and its period is pending).
 *
 * <p>Reads are batched: one plan query for all candidates, then two ledger queries per
 * {@link ReminderSettings#batchSize()} merchants.
 *
 * <p>It is a {@link DailyJob}: run it through {@link io.settlekit.job.JobRunner} (the same entry point as
 * every nightly job) so that one instance of the service runs it at a time. A run with failed sends does
 * not {@linkplain #finishes finish} its date, so a later run the same day retries them; the claims keep
 * every retry duplicate-free.
 *
 * <p>Thread-safe when its ports are: only final fields, each run keeps its state on its own stack; the job lock keeps
 * two nodes from running the same day.
 */
public final class ReminderJob implements DailyJob<ReminderRunReport> {
    /** The job's name, for schedulers and job locks. */
    public static final String NAME = "settlement-reminders";
    /**
     * How long a dead instance holds the lock. The job runner extends it while a run lasts (12,000 merchants
     * at 200 ms per provider call take 40 minutes), so it only bounds how long a crash blocks the next run.
     */
    public static final Duration LOCK_AT_MOST_FOR = Duration.ofMinutes(10);
    /** How far back failed sends are retried: a period stays pending at most this long after its reminder date. */
    static final int RETRY_WINDOW_DAYS = 7;

    private static final Logger LOG = LoggerFactory.getLogger(ReminderJob.class);

    private final PlanStore plans;
    private final MerchantLedger ledger;
    private final ReminderLog log;
    private final ReminderTransitions transitions;
    private final ReminderNotifier notifier;
    private final ReminderSettings settings;
    private final Clock clock;
    private final ZoneId zone;
    private final ReminderJobListener listener;

    /**
     * @param plans    the plan histories
     * @param ledger   the merchants' accounts and orders
     * @param log      the send log with its atomic claim
     * @param notifier the channel messages go out through
     * @param settings template, price, attempts, batch size
     * @param clock    the source of "now" (log times, today)
     * @param zone     the deployment zone, in which "today" is read
     * @param listener hears every outcome and the end of each run
     */
    public ReminderJob(PlanStore plans, MerchantLedger ledger, ReminderLog log, ReminderNotifier notifier,
                       ReminderSettings settings, Clock clock, ZoneId zone, ReminderJobListener listener) {
        this.plans = Objects.requireNonNull(plans, "plans");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.log = Objects.requireNonNull(log, "log");
        this.transitions = new ReminderTransitions(log);
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Runs the job for today in the deployment zone.
     *
     * @throws io.settlekit.base.InfrastructureException when the plan store or the reminder log cannot be
     *         read (a ledger failure fails its merchants, not the run)
     */
    public ReminderRunReport runToday() {
        return run(LocalDate.ofInstant(clock.instant(), zone));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration lockAtMostFor() {
        return LOCK_AT_MOST_FOR;
    }

    /** A run finishes its date when no send failed and none is of unknown outcome. */
    @Override
    public boolean finishes(ReminderRunReport report) {
        return report.failed() == 0 && report.unconfirmed() == 0;
    }

    @Override
    public String describe(ReminderRunReport report) {
        return "due " + report.due() + ", sent " + report.sent() + ", skipped " + report.skipped() + ", failed " + report.failed()
                + ", unconfirmed " + report.unconfirmed() + ", confirmed " + report.confirmed() + ", stale claims " + report.staleClaims() + ", estimated cost " + report.estimatedCost() + " CNY";
    }

    /**
     * Runs the job for {@code date} (also how an operator catches up a day the job did not run).
     *
     * @throws io.settlekit.base.ValidationException naming {@code date} when it is missing or a date outside
     *         1900-01-01..2999-12-31
     * @throws io.settlekit.base.InfrastructureException when the plan store or the reminder log cannot be
     *         read (a ledger failure fails its merchants, not the run)
     */
    @Override
    public ReminderRunReport run(LocalDate date) {
        BillingDates.check("date", date);
        Map<String, Candidate> candidates = candidates(date);
        List<ReminderOutcome> outcomes = new ArrayList<>();
        for (List<Candidate> batch : Batches.of(new ArrayList<>(candidates.values()), settings.batchSize())) {
            LocalDate since = batch.stream().map(c -> c.period.begin()).min(LocalDate::compareTo).orElse(date);
            LedgerView view;
            try {
                view = LedgerView.read(ledger, batch.stream().map(c -> c.key.merchantId()).toList(), since);
            } catch (SettlekitException e) {
                // a ledger failure fails this batch's merchants (retried next run), not the whole run
                LOG.error("could not read the ledger for {} merchants due a reminder", batch.size(), e);
                String reason = "could not read the ledger: " + reason(e);
                batch.forEach(c -> report(outcomes, outcome(c.key, ReminderOutcome.Result.FAILED, Optional.empty(), reason)));
                continue;
            }
            for (Candidate candidate : batch) {
                handle(candidate, view, date).ifPresent(o -> report(outcomes, o));
            }
        }
        ReminderRunReport report = new ReminderRunReport(date, outcomes, settings.pricePerMessage(), settings.priceFeeType());
        LOG.info("{} ({} candidates with a reminder date or retry)", report, candidates.size());
        listener.onFinished(report);
        return report;
    }

    private void report(List<ReminderOutcome> outcomes, ReminderOutcome outcome) {
        outcomes.add(outcome);
        listener.onOutcome(outcome);
    }

    /**
     * A merchant whose pending period has a reminder to send today (or to retry, or to check); {@code unsettled}
     * is an entry to settle first: a send of unknown outcome, or a claim past its lease; {@code logged} is the
     * entry of its key as the run read it (none: no entry then), which the claim decides on first.
     */
    private record Candidate(ReminderKey key, BillingCalendar calendar, Period period, Optional<ReminderEntry> unsettled,
                             Optional<ReminderEntry> logged) {
    }

    private Map<String, Candidate> candidates(LocalDate date) {
        Map<String, BillingCalendar> calendars = new TreeMap<>();
        plans.historiesWithReminders().forEach((merchant, rows) ->
                calendars.put(merchant, new BillingCalendar(PlanHistory.ofStored(rows))));
        Map<String, Candidate> candidates = new TreeMap<>();
        calendars.forEach((merchant, calendar) -> {
            Period pending = calendar.pendingAt(date);
            if (pending.reminderDate().filter(date::equals).isPresent()) {
                candidates.put(merchant, new Candidate(new ReminderKey(merchant, pending.begin(), date), calendar, pending, Optional.empty(), Optional.empty()));
            }
        });
        Instant staleBefore = staleBefore();
        for (ReminderEntry entry : log.entriesBetween(date.minusDays(RETRY_WINDOW_DAYS), date)) {
            String merchant = entry.key().merchantId();
            boolean unknown = entry.status() == ReminderStatus.UNKNOWN
                    || entry.status() == ReminderStatus.CLAIMED && entry.updatedAt().isBefore(staleBefore);
            Candidate today = candidates.get(merchant);
            if (today != null) {
                if (today.key.equals(entry.key())) { // today's send of unknown outcome or stale claim: check it first
                    candidates.put(merchant, new Candidate(today.key, today.calendar, today.period,
                            unknown ? Optional.of(entry) : Optional.empty(), Optional.of(entry)));
                }
                continue;
            }
            BillingCalendar calendar = calendars.get(merchant);
            boolean retry = entry.status() == ReminderStatus.FAILED && entry.attempts() < settings.maxAttempts();
            if (!(retry || unknown) || calendar == null || !entry.key().reminderDate().isBefore(date)) {
                continue;
            }
            Period pending = calendar.pendingAt(date);
            if (pending.begin().equals(entry.key().periodBegin())) {
                candidates.put(merchant, new Candidate(entry.key(), calendar, pending, unknown ? Optional.of(entry) : Optional.empty(), Optional.of(entry)));
            }
        }
        return candidates;
    }

    private Optional<ReminderOutcome> handle(Candidate candidate, LedgerView view, LocalDate date) {
        ReminderKey key = candidate.key;
        Optional<String> unreadable = view.unreadable(key.merchantId());
        if (unreadable.isPresent()) { // reported before any claim: the next run tries again
            return Optional.of(outcome(key, ReminderOutcome.Result.FAILED, Optional.empty(), "ledger rows unreadable: " + unreadable.get()));
        }
        Optional<MerchantAccount> account = view.account(key.merchantId());
        if (account.isEmpty()) {
            return Optional.of(outcome(key, ReminderOutcome.Result.FAILED, Optional.empty(), "merchant is not in the ledger"));
        }
        Amount due;
        try {
            due = Bill.of(candidate.calendar, account.get().feeType(), view.ordersOf(key.merchantId()), date).due();
        } catch (SettlekitException badLedger) {
            return Optional.of(outcome(key, ReminderOutcome.Result.FAILED, Optional.empty(), reason(badLedger)));
        }
        if (due.fen() <= 0) {
            return Optional.empty(); // nothing owed: not due
        }
        ReminderMessage message = ReminderMessage.render(settings.template(), key, account.get(), candidate.period, due);
        if (candidate.unsettled.isPresent() && candidate.unsettled.get().status() == ReminderStatus.CLAIMED) {
            return takeOverStaleClaim(candidate.unsettled.get(), message, due);
        }
        return send(candidate.unsettled.map(entry -> new Unknown(entry, entry.updatedAt())), candidate.logged, message, due);
    }

    /**
     * Takes over a claim past its lease as a send of unknown outcome and settles it (every outcome marked as
     * a stale claim), unless another run took it over or its claimer recorded an outcome since.
     */
    private Optional<ReminderOutcome> takeOverStaleClaim(ReminderEntry claim, ReminderMessage message, Amount due) {
        ReminderKey key = claim.key();
        String reason = "claimed at " + claim.updatedAt() + " and no outcome recorded within the claim lease of "
                + settings.claimLease() + ": its run died or hung";
        Instant now = clock.instant();
        Optional<ReminderEntry> unknown;
        try {
            unknown = transitions.expireClaim(key, now.minus(settings.claimLease()), reason, now);
        } catch (SettlekitException logFailed) {
            return Optional.of(outcome(key, ReminderOutcome.Result.UNCONFIRMED, Optional.of(due),
                    "could not take over the stale claim: " + reason(logFailed)));
        }
        if (unknown.isEmpty()) {
            return Optional.of(outcome(key, ReminderOutcome.Result.SKIPPED, Optional.of(due),
                    "stale claim settled or taken over by another run"));
        }
        LOG.warn("reminder {} {}: checking whether it was delivered before any resend", key, reason);
        // the send happened after the claim: the check looks from the claim time on
        return send(Optional.of(new Unknown(unknown.get(), claim.updatedAt())), unknown, message, due)
                .map(o -> new ReminderOutcome(o.key(), o.result(), o.amountDue(), o.detail(), true));
    }

    /** A stored entry of unknown outcome, and the instant from which its send is looked for. */
    private record Unknown(ReminderEntry entry, Instant sentAfter) {
    }

    /**
     * The result of asking about a send of unknown outcome: the outcome when the matter is settled, or the
     * entry now recorded as failed (not delivered), to retry.
     */
    private record Checked(Optional<ReminderOutcome> outcome, Optional<ReminderEntry> failed) {
        static Checked settled(ReminderOutcome outcome) {
            return new Checked(Optional.of(outcome), Optional.empty());
        }
    }

    /**
     * Settles {@code unknown} first if present, then claims and sends unless it was delivered; the claim
     * decides first on {@code logged}, the entry as last read, saving a read.
     */
    private Optional<ReminderOutcome> send(Optional<Unknown> unknown, Optional<ReminderEntry> logged, ReminderMessage message, Amount due) {
        ReminderKey key = message.key();
        Optional<ReminderEntry> lastRead = logged;
        if (unknown.isPresent()) {
            Checked checked = settleUnknown(unknown.get(), message, due);
            if (checked.outcome().isPresent()) {
                return checked.outcome();
            }
            lastRead = checked.failed(); // not delivered, now recorded as failed: retried below through a new claim
        }
        ReminderEntry claim;
        try {
            Optional<ReminderEntry> claimed = transitions.claim(lastRead, key, due, settings.maxAttempts(), clock.instant());
            if (claimed.isEmpty()) {
                return Optional.of(outcome(key, ReminderOutcome.Result.SKIPPED, Optional.of(due),
                        "already claimed or sent by another run, or out of attempts"));
            }
            claim = claimed.get();
        } catch (SettlekitException claimFailed) {
            return Optional.of(outcome(key, ReminderOutcome.Result.FAILED, Optional.of(due), "could not claim: " + reason(claimFailed)));
        }
        String reference;
        try {
            reference = notifier.send(message);
        } catch (SendOutcomeUnknownException noAnswer) {
            String reason = reason(noAnswer);
            record(() -> transitions.settle(claim, ReminderStatus.UNKNOWN, reason, clock.instant()), key);
            return Optional.of(outcome(key, ReminderOutcome.Result.UNCONFIRMED, Optional.of(due),
                    "outcome unknown, not resent until confirmed not delivered: " + reason));
        } catch (RuntimeException sendFailed) {
            String reason = reason(sendFailed);
            record(() -> transitions.settle(claim, ReminderStatus.FAILED, reason, clock.instant()), key);
            return Optional.of(outcome(key, ReminderOutcome.Result.FAILED, Optional.of(due), reason));
        }
        record(() -> transitions.settle(claim, ReminderStatus.SENT, reference, clock.instant()), key);
        return Optional.of(outcome(key, ReminderOutcome.Result.SENT, Optional.of(due), reference));
    }

    /**
     * Asks the notifier about an earlier send of unknown outcome. Returns the outcome when the matter is
     * settled (delivered, still unknown, or settled by another run); the failed entry when it was not
     * delivered and is now recorded as failed, so the caller retries it.
     */
    private Checked settleUnknown(Unknown unknown, ReminderMessage message, Amount due) {
        ReminderEntry entry = unknown.entry();
        ReminderKey key = entry.key();
        String earlier = entry.detail().orElse("no answer");
        SendCheck check;
        try {
            check = notifier.check(message, unknown.sentAfter());
        } catch (RuntimeException checkFailed) {
            check = SendCheck.unknown("the delivery check failed: " + reason(checkFailed));
        }
        String detail = Redact.digits(check.detail());
        try {
            if (check.verdict() == SendCheck.Verdict.DELIVERED) {
                String reference = check.reference().orElse(detail);
                return Checked.settled(transitions.resolve(entry, ReminderStatus.SENT, reference, clock.instant()).isPresent()
                        ? outcome(key, ReminderOutcome.Result.CONFIRMED, Optional.of(due), reference)
                        : outcome(key, ReminderOutcome.Result.SKIPPED, Optional.of(due), "settled by another run"));
            }
            if (check.verdict() == SendCheck.Verdict.NOT_DELIVERED) {
                Optional<ReminderEntry> failed = transitions.resolve(entry, ReminderStatus.FAILED,
                        "not delivered (" + detail + ") after: " + earlier, clock.instant());
                return failed.isPresent() ? new Checked(Optional.empty(), failed)
                        : Checked.settled(outcome(key, ReminderOutcome.Result.SKIPPED, Optional.of(due), "settled by another run"));
            }
        } catch (SettlekitException logFailed) {
            return Checked.settled(outcome(key, ReminderOutcome.Result.UNCONFIRMED, Optional.of(due),
                    "could not record the delivery check (" + detail + "): " + reason(logFailed)));
        }
        LOG.warn("reminder {} of unknown outcome still unconfirmed ({}); not resent automatically", key, detail);
        return Checked.settled(outcome(key, ReminderOutcome.Result.UNCONFIRMED, Optional.of(due),
                "still unknown (" + detail + ") after: " + earlier));
    }

    /**
     * Records an outcome in the log; a failure here leaves the claim standing, which blocks any resend until
     * its lease runs out and a later run checks it with the notifier. A claim taken over meanwhile (past its
     * lease, by another run) is left to that run.
     */
    private static void record(BooleanSupplier write, ReminderKey key) {
        try {
            if (!write.getAsBoolean()) {
                LOG.warn("the claim of reminder {} was taken over before its outcome was recorded; left to the run that took it", key);
            }
        } catch (SettlekitException e) {
            LOG.error("could not record the outcome of reminder {} (the claim stays; it will not be resent)", key, e);
        }
    }

    /** Claims recorded before this instant are past their lease. */
    private Instant staleBefore() {
        return clock.instant().minus(settings.claimLease());
    }

    private static ReminderOutcome outcome(ReminderKey key, ReminderOutcome.Result result, Optional<Amount> due, String detail) {
        return new ReminderOutcome(key, result, due, detail);
    }

    private static String reason(RuntimeException e) {
        String what = e instanceof SettlekitException known ? known.code() + ": " + known.getMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        String scrubbed = Redact.digits(what);
        return scrubbed.length() <= 500 ? scrubbed : scrubbed.substring(0, 500);
    }
}
