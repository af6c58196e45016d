package io.settlekit.balance;

import io.settlekit.internal.Checks;
import io.settlekit.base.SettlekitException;
import io.settlekit.job.DailyJob;
import io.settlekit.money.FeeTypeCodes;
import io.settlekit.money.RateBook;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store balance snapshot (rules R7 of docs/rules.md) as a {@link DailyJob}: reads the open financial event groups,
 * converts each balance to CNY with the station's current rate, stages one document per group and
 * publishes the day's summary in one atomic step.
 *
 * <p>Order of work, so that a failure leaves the published day untouched:
 * <ol>
 *   <li>take "now" once; every document's {@code insert_time} and rate are of that instant;</li>
 *   <li>read the distinct currencies of the open groups and their rates to CNY; if any has none, throw
 *       {@link MissingRatesException} naming all of them, before anything is written;</li>
 *   <li>stream the groups in batches of {@link SnapshotSettings#batchSize()} into a staged run (memory
 *       stays flat however many rows there are); a currency that appeared since step 2 without a rate
 *       fails the run the same way, and the staged documents are discarded;</li>
 *   <li>publish the summary: the day now shows this run, and only this run.</li>
 * </ol>
 * Run it through {@link io.settlekit.job.JobRunner} so that it never overlaps itself across instances.
 * Thread-safe (each run has its own state).
 */
public final class BalanceSnapshotJob implements DailyJob<SnapshotSummary> {
    /** The job's name: its lock and ledger key. */
    public static final String NAME = "balance-snapshot";
    /** The currency every balance is converted to. */
    public static final String CNY = "CNY";

    private static final Logger LOG = LoggerFactory.getLogger(BalanceSnapshotJob.class);

    private final FinancialEventGroupSource source;
    private final BalanceSnapshotStore store;
    private final RateBook rates;
    private final Clock clock;
    private final SnapshotSettings settings;
    private final SnapshotListener listener;

    /**
     * @param source   the open financial event groups
     * @param store    where snapshots go
     * @param rates    the money context's rates (the station's current rate to CNY)
     * @param clock    the source of "now"
     * @param settings station, batch size, lock duration
     * @param listener progress hooks ({@link SnapshotListener#NONE} for none)
     */
    public BalanceSnapshotJob(FinancialEventGroupSource source, BalanceSnapshotStore store, RateBook rates, Clock clock,
                              SnapshotSettings settings, SnapshotListener listener) {
        this.source = Objects.requireNonNull(source, "source");
        this.store = Objects.requireNonNull(store, "store");
        this.rates = Objects.requireNonNull(rates, "rates");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration lockAtMostFor() {
        return settings.lockAtMostFor();
    }

    /** The store the job writes to, for reading snapshots back. */
    public BalanceSnapshotStore store() {
        return store;
    }

    /**
     * Snapshots the open groups as the balances of {@code loadDate}. The data and rates are always those
     * of now; the date only labels the day (a run missed at 23:50 and caught up after midnight still
     * labels the day it was meant for).
     *
     * @return the published summary
     * @throws MissingRatesException when a currency has no rate to CNY (nothing is written)
     * @throws io.settlekit.base.ValidationException naming {@code load_date} when it is missing
     * @throws io.settlekit.base.InfrastructureException when the source or the snapshot store fails (the day's
     *         published snapshot is untouched)
     */
    @Override
    public SnapshotSummary run(LocalDate loadDate) {
        Checks.present("load_date", loadDate);
        Instant now = clock.instant();
        Map<String, BigDecimal> rateOf = ratesFor(source.openCurrencies(), now);
        SnapshotRun run = new SnapshotRun(UUID.randomUUID().toString(), loadDate, now, settings.station());
        try (SnapshotWriter writer = store.open(run)) {
            Batcher batcher = new Batcher(run, writer, rateOf);
            source.forEachOpen(batcher::add);
            batcher.flush();
            SnapshotSummary summary = new SnapshotSummary(run, batcher.total, batcher.written, batcher.used);
            PublishOutcome outcome = writer.publish(summary);
            if (outcome == PublishOutcome.SUPERSEDED) {
                LOG.warn("snapshot run {} of {} was superseded by a newer run; its documents were discarded", run.runId(), loadDate);
            }
            listener.finished(summary, outcome);
            return summary;
        }
    }

    @Override
    public String describe(SnapshotSummary summary) {
        return summary.documentCount() + " documents, total " + summary.totalAmount().toPlainString() + " CNY, run " + summary.run().runId();
    }

    /** The rate to CNY of every currency, or a {@link MissingRatesException} naming each one without. */
    private Map<String, BigDecimal> ratesFor(Set<String> currencies, Instant at) {
        Map<String, BigDecimal> found = new HashMap<>();
        TreeSet<String> missing = new TreeSet<>();
        for (String currency : currencies) {
            rateOf(currency, at).ifPresentOrElse(rate -> found.put(currency, rate), () -> missing.add(currency));
        }
        if (!missing.isEmpty()) {
            throw new MissingRatesException(settings.station(), List.copyOf(missing));
        }
        return found;
    }

    private Optional<BigDecimal> rateOf(String currency, Instant at) {
        if (!FeeTypeCodes.isWellFormed(currency)) {
            return Optional.empty();
        }
        try {
            return Optional.of(rates.factor(settings.station(), currency, CNY, at));
        } catch (SettlekitException noRate) {
            return Optional.empty();
        }
    }

    /** Converts groups and stages them a batch at a time; holds at most one batch. */
    private final class Batcher {
        private final SnapshotRun run;
        private final SnapshotWriter writer;
        private final Map<String, BigDecimal> rateOf;
        private final Map<String, BigDecimal> used = new HashMap<>();
        private final List<BalanceSnapshot> batch = new ArrayList<>();
        private BigDecimal total = BigDecimal.ZERO.setScale(2);
        private long written;

        Batcher(SnapshotRun run, SnapshotWriter writer, Map<String, BigDecimal> rateOf) {
            this.run = run;
            this.writer = writer;
            this.rateOf = rateOf;
        }

        void add(FinancialEventGroup group) {
            String currency = group.currencyCode();
            BigDecimal rate = rateOf.get(currency);
            if (rate == null) {
                // a currency that appeared after the rates were read: same rule, checked late
                rate = ratesFor(Set.of(currency), run.startedAt()).get(currency);
                rateOf.put(currency, rate);
            }
            used.put(currency, rate);
            BalanceSnapshot snapshot = BalanceSnapshot.of(group, run.loadDate(), run.startedAt(), rate);
            total = total.add(snapshot.cnyBalance());
            batch.add(snapshot);
            if (batch.size() >= settings.batchSize()) {
                flush();
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            writer.write(List.copyOf(batch));
            written += batch.size();
            listener.batchWritten(run, batch.size(), written);
            batch.clear();
        }
    }
}
