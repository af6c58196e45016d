package io.settlekit;

import io.settlekit.balance.BalanceRefresh;
import io.settlekit.balance.BalanceSnapshotJob;
import io.settlekit.balance.SnapshotListener;
import io.settlekit.balance.SnapshotSettings;
import io.settlekit.balance.memory.InMemoryBalanceSnapshotStore;
import io.settlekit.balance.memory.InMemoryFinancialEventGroupSource;
import io.settlekit.balance.port.BalanceSnapshotStore;
import io.settlekit.balance.port.FinancialEventGroupSource;
import io.settlekit.currency.CurrencyRules;
import io.settlekit.job.DailyJob;
import io.settlekit.job.DailyScheduler;
import io.settlekit.job.JobListener;
import io.settlekit.job.JobRunner;
import io.settlekit.job.memory.InMemoryJobLedger;
import io.settlekit.job.memory.InMemoryJobLocks;
import io.settlekit.job.port.JobLedger;
import io.settlekit.job.port.JobLocks;
import io.settlekit.money.FeeTypeCatalog;
import io.settlekit.money.RateBook;
import io.settlekit.money.memory.InMemoryFeeRateStore;
import io.settlekit.money.memory.InMemoryFeeTypeStore;
import io.settlekit.money.port.FeeRateStore;
import io.settlekit.money.port.FeeTypeStore;
import io.settlekit.refresh.RefreshLimiter;
import io.settlekit.refresh.memory.InMemoryDailyCounters;
import io.settlekit.refresh.port.DailyCounters;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The composition root hosts use: pick the adapters for the ports you need, leave the rest on their
 * in-memory defaults, and get the use cases.
 *
 * <pre>{@code
 * Settlekit kit = Settlekit.builder()
 *         .zone(ZoneId.of("Asia/Shanghai"))
 *         .feeRates(new MysqlFeeRateStore(dataSource, MysqlTables.defaults(), zone))
 *         .build();
 * kit.rateBook().save(actor, "T1001", "HKD", "CNY", new BigDecimal("0.9235"));
 * }</pre>
 *
 * <p>No static state: build as many as you like (one per tenant, one per test).
 */
public final class Settlekit {
    /** The zone used when a host sets none. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private final Clock clock;
    private final ZoneId zone;
    private final FeeTypeCatalog feeTypes;
    private final RateBook rateBook;
    private final CurrencyRules currencyRules;
    private final RefreshLimiter refreshLimiter;
    private final JobRunner jobRunner;
    private final BalanceSnapshotStore balanceSnapshots;
    private final Optional<BalanceSnapshotJob> balanceSnapshotJob;

    private Settlekit(Builder builder) {
        this.zone = builder.zone;
        this.clock = builder.clock != null ? builder.clock : Clock.system(zone);
        this.feeTypes = new FeeTypeCatalog(builder.feeTypeStore);
        this.rateBook = new RateBook(builder.feeRateStore, feeTypes, clock, zone);
        this.currencyRules = new CurrencyRules(feeTypes);
        this.refreshLimiter = new RefreshLimiter(builder.dailyCounters, clock, zone, builder.refreshMax);
        JobLocks locks = builder.jobLocks != null ? builder.jobLocks : new InMemoryJobLocks(clock);
        this.jobRunner = new JobRunner(locks, builder.jobLedger, clock, builder.jobListener);
        this.balanceSnapshots = builder.balanceSnapshotStore;
        this.balanceSnapshotJob = Optional.ofNullable(builder.snapshotSettings).map(settings -> new BalanceSnapshotJob(
                builder.eventGroupSource, balanceSnapshots, rateBook, clock, settings, builder.snapshotListener));
    }

    /** A builder with every port on its in-memory default and the zone {@code Asia/Shanghai}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The clock every use case reads "now" from. */
    public Clock clock() {
        return clock;
    }

    /** The deployment zone in which dates are read. */
    public ZoneId zone() {
        return zone;
    }

    /** The fee type catalog. */
    public FeeTypeCatalog feeTypes() {
        return feeTypes;
    }

    /** Exchange rates: save, list, convert. */
    public RateBook rateBook() {
        return rateBook;
    }

    /** The currency consistency rules. */
    public CurrencyRules currencyRules() {
        return currencyRules;
    }

    /** The refresh limit of DOMAIN.md §8 over the configured day counters. */
    public RefreshLimiter refreshLimiter() {
        return refreshLimiter;
    }

    /**
     * Runs daily jobs at most once at a time across instances and once per date: the entry point of every
     * nightly job, whatever scheduler calls it.
     */
    public JobRunner jobRunner() {
        return jobRunner;
    }

    /** A scheduler running {@code job} through {@link #jobRunner()} at 23:50 in the zone (call {@code start()}). */
    public DailyScheduler nightlyScheduler(DailyJob<?> job) {
        return DailyScheduler.nightly(jobRunner, job, zone, clock);
    }

    /** The store balance snapshots, for reading days and summaries. */
    public BalanceSnapshotStore balanceSnapshots() {
        return balanceSnapshots;
    }

    /**
     * The store balance snapshot job (DOMAIN.md §7).
     *
     * @throws ValidationException ({@code missing_field balance_station}) when no station was configured
     */
    public BalanceSnapshotJob balanceSnapshotJob() {
        return balanceSnapshotJob.orElseThrow(() -> ValidationException.missing("balance_station"));
    }

    /** The refresh button: limit, lock, snapshot (needs a configured balance station). */
    public BalanceRefresh balanceRefresh() {
        return new BalanceRefresh(refreshLimiter, jobRunner, balanceSnapshotJob(), clock, zone);
    }

    /** Chooses adapters and settings; every setter is optional. */
    public static final class Builder {
        private Clock clock;
        private ZoneId zone = DEFAULT_ZONE;
        private FeeTypeStore feeTypeStore = InMemoryFeeTypeStore.seedCatalog();
        private FeeRateStore feeRateStore = new InMemoryFeeRateStore();
        private DailyCounters dailyCounters = new InMemoryDailyCounters();
        private int refreshMax = RefreshLimiter.DEFAULT_MAX;
        private JobLocks jobLocks;
        private JobLedger jobLedger = new InMemoryJobLedger();
        private JobListener jobListener = JobListener.NONE;
        private FinancialEventGroupSource eventGroupSource = new InMemoryFinancialEventGroupSource();
        private BalanceSnapshotStore balanceSnapshotStore = new InMemoryBalanceSnapshotStore();
        private SnapshotSettings snapshotSettings;
        private SnapshotListener snapshotListener = SnapshotListener.NONE;

        private Builder() {
        }

        /** The clock to read "now" from (default: the system clock in the zone). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The deployment zone (default {@code Asia/Shanghai}); never the JVM's default zone. */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** The fee type catalog (default: CNY and HKD in memory). */
        public Builder feeTypes(FeeTypeStore store) {
            this.feeTypeStore = Objects.requireNonNull(store, "feeTypes");
            return this;
        }

        /** The rate history (default: in memory). */
        public Builder feeRates(FeeRateStore store) {
            this.feeRateStore = Objects.requireNonNull(store, "feeRates");
            return this;
        }

        /** The refresh counters (default: in memory, this JVM only; use Redis across instances). */
        public Builder dailyCounters(DailyCounters counters) {
            this.dailyCounters = Objects.requireNonNull(counters, "dailyCounters");
            return this;
        }

        /** Refreshes a non-admin may perform per day (default 1). */
        public Builder refreshMax(int max) {
            this.refreshMax = Checks.inRange("max", max, 0, RefreshLimiter.MAX_LIMIT);
            return this;
        }

        /** The job locks (default: in memory, this JVM only; use MySQL, MongoDB or Redis across instances). */
        public Builder jobLocks(JobLocks locks) {
            this.jobLocks = Objects.requireNonNull(locks, "jobLocks");
            return this;
        }

        /** The ledger of finished job dates (default: in memory). */
        public Builder jobLedger(JobLedger ledger) {
            this.jobLedger = Objects.requireNonNull(ledger, "jobLedger");
            return this;
        }

        /** Hooks around job runs (default: none). */
        public Builder jobListener(JobListener listener) {
            this.jobListener = Objects.requireNonNull(listener, "jobListener");
            return this;
        }

        /** The open financial event groups (default: an empty in-memory source). */
        public Builder financialEventGroups(FinancialEventGroupSource source) {
            this.eventGroupSource = Objects.requireNonNull(source, "financialEventGroups");
            return this;
        }

        /** Where balance snapshots go (default: in memory). */
        public Builder balanceSnapshots(BalanceSnapshotStore store) {
            this.balanceSnapshotStore = Objects.requireNonNull(store, "balanceSnapshots");
            return this;
        }

        /** The snapshot job's station and tuning; required before using the snapshot job. */
        public Builder balanceSnapshotSettings(SnapshotSettings settings) {
            this.snapshotSettings = Objects.requireNonNull(settings, "balanceSnapshotSettings");
            return this;
        }

        /** Progress hooks of the snapshot job (default: none). */
        public Builder snapshotListener(SnapshotListener listener) {
            this.snapshotListener = Objects.requireNonNull(listener, "snapshotListener");
            return this;
        }

        /** Wires the use cases. */
        public Settlekit build() {
            return new Settlekit(this);
        }
    }
}
