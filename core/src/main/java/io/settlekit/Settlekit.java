package io.settlekit;

import io.settlekit.base.ErrorCode;
import io.settlekit.base.ValidationException;
import io.settlekit.internal.Checks;
import io.settlekit.balance.BalanceRefresh;
import io.settlekit.balance.BalanceSnapshotJob;
import io.settlekit.balance.SnapshotListener;
import io.settlekit.balance.SnapshotSettings;
import io.settlekit.balance.memory.InMemoryBalanceSnapshotStore;
import io.settlekit.balance.memory.InMemoryFinancialEventGroupSource;
import io.settlekit.balance.BalanceSnapshotStore;
import io.settlekit.balance.FinancialEventGroupSource;
import io.settlekit.currency.CurrencyRules;
import io.settlekit.job.DailyJob;
import io.settlekit.job.DailyScheduler;
import io.settlekit.job.JobListener;
import io.settlekit.job.JobRunner;
import io.settlekit.job.memory.InMemoryJobLedger;
import io.settlekit.job.memory.InMemoryJobLocks;
import io.settlekit.job.JobLedger;
import io.settlekit.job.JobLocks;
import io.settlekit.money.FeeTypeCatalog;
import io.settlekit.money.RateBook;
import io.settlekit.money.memory.InMemoryFeeRateStore;
import io.settlekit.money.memory.InMemoryFeeTypeStore;
import io.settlekit.money.FeeRateStore;
import io.settlekit.money.FeeTypeStore;
import io.settlekit.reconcile.Channel;
import io.settlekit.reconcile.DailyReconciliation;
import io.settlekit.reconcile.ReconcileListener;
import io.settlekit.reconcile.SettlementFeeds;
import io.settlekit.reconcile.memory.InMemoryReceivables;
import io.settlekit.reconcile.memory.InMemoryReconciliationReports;
import io.settlekit.reconcile.memory.InMemorySettlementFiles;
import io.settlekit.reconcile.ReceivableSource;
import io.settlekit.reconcile.ReconciliationReports;
import io.settlekit.reconcile.SettlementArchive;
import io.settlekit.reconcile.SettlementFiles;
import io.settlekit.reconcile.SettlementParser;
import io.settlekit.billing.Bills;
import io.settlekit.billing.LegacyWeeklyMerchants;
import io.settlekit.billing.reminder.ReminderJob;
import io.settlekit.billing.reminder.ReminderJobListener;
import io.settlekit.billing.reminder.ReminderSettings;
import io.settlekit.billing.BillingPlans;
import io.settlekit.billing.memory.InMemoryMerchantLedger;
import io.settlekit.billing.memory.InMemoryPlanStore;
import io.settlekit.billing.reminder.memory.InMemoryReminderLog;
import io.settlekit.billing.reminder.memory.InMemoryReminderNotifier;
import io.settlekit.billing.MerchantLedger;
import io.settlekit.billing.PlanStore;
import io.settlekit.billing.reminder.ReminderLog;
import io.settlekit.billing.reminder.ReminderNotifier;
import io.settlekit.refresh.RefreshLimiter;
import io.settlekit.refresh.memory.InMemoryDailyCounters;
import io.settlekit.refresh.DailyCounters;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root hosts use: pick the adapters for the ports you need and get the use cases.
 *
 * <p>Two ways in. {@link #builder()} is for services: ports left unset stay in memory (logged at INFO),
 * but {@link Builder#build()} refuses, naming the port, a kit whose jobs would silently run on an
 * in-memory job lock (every job), or an in-memory reminder notifier or reminder log (when the plans or
 * the merchant ledger are real): set them, or say {@link Builder#withoutJobs()} and the job accessors
 * refuse instead. {@link #embedded()} is for demos, tests and single-process tools: everything may stay in
 * memory, and the build says so in a WARN line:
 *
 * <pre>{@code
 * ZoneId zone = ZoneId.of("Asia/Shanghai");
 * Settlekit kit = Settlekit.builder()
 *         .zone(zone)
 *         .feeTypes(new MysqlFeeTypeStore(dataSource))          // tbl_fee_type
 *         .feeRates(new MysqlFeeRateStore(dataSource, zone))    // tbl_fee_rate, create_time in the zone
 *         .withoutJobs()                                        // rates only: no nightly job in this service
 *         .build();
 *
 * Actor finance = Actor.user("u-1001", Permission.EDIT_FEE_RATE, Permission.GET_FEE_RATE);
 * kit.rateBook().save(finance, "T1001", "HKD", "CNY", new BigDecimal("0.9235"));
 * MonetaryAmount cny = kit.rateBook().convert(Money.of(100, "HKD"), "CNY", "T1001"); // 92.35 CNY
 * }</pre>
 *
 * <p>This example is the compiled {@code HostWiring} sample of the examples module, quoted verbatim
 * (checked by its {@code ReadmeSnippetTest}).
 *
 * <p>No static state: build as many as you like (one per tenant, one per test). Thread-safe when its adapters
 * are: a kit holds only final references to the services it wired, which share no mutable state.
 */
public final class Settlekit {
    /** The zone used when a host sets none. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private static final Logger LOG = LoggerFactory.getLogger(Settlekit.class);

    private final Clock clock;
    private final ZoneId zone;
    private final FeeTypeCatalog feeTypes;
    private final RateBook rateBook;
    private final CurrencyRules currencyRules;
    private final DailyReconciliation dailyReconciliation;
    private final BillingPlans settlementPlans;
    private final Bills bills;
    private final ReminderJob reminderJob;
    private final RefreshLimiter refreshLimiter;
    private final JobRunner jobRunner;
    private final BalanceSnapshotStore balanceSnapshots;
    private final Optional<BalanceSnapshotJob> balanceSnapshotJob;
    private final boolean withoutJobs;

    private Settlekit(Builder builder) {
        this.withoutJobs = builder.withoutJobs;
        this.zone = builder.zone;
        this.clock = builder.clock != null ? builder.clock : Clock.system(zone);
        this.feeTypes = new FeeTypeCatalog(builder.feeTypeStore);
        this.rateBook = new RateBook(builder.feeRateStore, feeTypes, clock, zone);
        this.currencyRules = new CurrencyRules(feeTypes);
        this.dailyReconciliation = new DailyReconciliation(builder.settlementFeeds, builder.settlementFiles,
                builder.settlementParsers, builder.receivables, builder.reconciliationReports,
                Optional.ofNullable(builder.settlementArchive), zone, builder.reconcileListener);
        this.settlementPlans = new BillingPlans(builder.planStore, builder.legacyWeekly, clock, zone);
        this.bills = new Bills(settlementPlans, builder.merchantLedger);
        this.reminderJob = new ReminderJob(builder.planStore, builder.merchantLedger,
                builder.reminderLog != null ? builder.reminderLog : new InMemoryReminderLog(),
                builder.reminderNotifier != null ? builder.reminderNotifier : new InMemoryReminderNotifier(), builder.reminderSettings, clock, zone, builder.reminderListener);
        this.refreshLimiter = new RefreshLimiter(builder.dailyCounters, clock, zone, builder.refreshMax);
        JobLocks locks = builder.jobLocks != null ? builder.jobLocks : new InMemoryJobLocks(clock);
        this.jobRunner = new JobRunner(locks, builder.jobLedger, clock, builder.jobListener);
        this.balanceSnapshots = builder.balanceSnapshotStore;
        this.balanceSnapshotJob = Optional.ofNullable(builder.snapshotSettings).map(settings -> new BalanceSnapshotJob(
                builder.eventGroupSource, balanceSnapshots, rateBook, clock, settings, builder.snapshotListener));
    }

    /**
     * A builder for a service: every port on its in-memory default and the zone {@code Asia/Shanghai}, but
     * {@link Builder#build()} refuses job ports left in memory (see the class comment).
     */
    public static Builder builder() {
        return new Builder(false);
    }

    /**
     * A builder for demos, tests and single-process tools: every port may stay on its in-memory default
     * (nothing is shared with another process, nothing is sent), and {@link Builder#build()} logs a WARN
     * line naming the ports in memory.
     */
    public static Builder embedded() {
        return new Builder(true);
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

    /** The daily settlement-file reconciliation, one run per (channel, site, date). */
    public DailyReconciliation dailyReconciliation() {
        return dailyReconciliation;
    }

    /** Merchants' settlement plans: save, history, calendar (rules R5 of docs/rules.md). */
    public BillingPlans billingPlans() {
        return settlementPlans;
    }

    /** Bills, unpaid lists and order deadlines (rules R6.1–R6.4 of docs/rules.md). */
    public Bills bills() {
        return bills;
    }

    /** The daily settlement reminder job (rules R6.5–R6.10 of docs/rules.md). */
    public ReminderJob reminderJob() {
        requireJobs("reminder_job");
        return reminderJob;
    }

    /** The refresh limit (rules R8 of docs/rules.md) over the configured day counters. */
    public RefreshLimiter refreshLimiter() {
        return refreshLimiter;
    }

    /**
     * Runs daily jobs at most once at a time across instances and once per date: the entry point of every
     * nightly job, whatever scheduler calls it.
     */
    public JobRunner jobRunner() {
        requireJobs("job_runner");
        return jobRunner;
    }

    /** A scheduler running {@code job} through {@link #jobRunner()} at 23:50 in the zone (call {@code start()}). */
    public DailyScheduler nightlyScheduler(DailyJob<?> job) {
        requireJobs("nightly_scheduler");
        return DailyScheduler.nightly(jobRunner, job, zone, clock);
    }

    /** The store balance snapshots, for reading days and summaries. */
    public BalanceSnapshotStore balanceSnapshots() {
        return balanceSnapshots;
    }

    /**
     * The store balance snapshot job (rules R7 of docs/rules.md).
     *
     * @throws ValidationException ({@code missing_field balance_station}) when no station was configured
     */
    public BalanceSnapshotJob balanceSnapshotJob() {
        return balanceSnapshotJob.orElseThrow(() -> ValidationException.missing("balance_station"));
    }

    /** The refresh button: limit, lock, snapshot (needs a configured balance station). */
    public BalanceRefresh balanceRefresh() {
        requireJobs("balance_refresh");
        return new BalanceRefresh(refreshLimiter, jobRunner, balanceSnapshotJob(), clock, zone);
    }

    private void requireJobs(String what) {
        if (withoutJobs) {
            throw ValidationException.invalid(what, "withoutJobs()", "this kit was built without jobs: set job_locks "
                    + "(and, for reminders, reminder_notifier and reminder_log) instead of withoutJobs()");
        }
    }

    /**
     * Chooses adapters and settings; every setter is optional, but see {@link #build()} for the job ports
     * a {@link Settlekit#builder()} kit must set.
     *
     * <p>Not thread-safe: mutable configuration; build a kit from one thread (the kit it builds is thread-safe).
     */
    public static final class Builder {
        private final boolean embedded;
        private boolean withoutJobs;
        private Clock clock;
        private ZoneId zone = DEFAULT_ZONE;
        private FeeTypeStore feeTypeStore = InMemoryFeeTypeStore.seedCatalog();
        private FeeRateStore feeRateStore = new InMemoryFeeRateStore();
        private SettlementFeeds settlementFeeds = SettlementFeeds.none();
        private SettlementFiles settlementFiles = new InMemorySettlementFiles();
        private final Map<Channel, SettlementParser> settlementParsers = new HashMap<>();
        private ReceivableSource receivables = new InMemoryReceivables();
        private ReconciliationReports reconciliationReports = new InMemoryReconciliationReports();
        private SettlementArchive settlementArchive;
        private ReconcileListener reconcileListener = ReconcileListener.NONE;
        private PlanStore planStore = new InMemoryPlanStore();
        private LegacyWeeklyMerchants legacyWeekly = LegacyWeeklyMerchants.ALL;
        private MerchantLedger merchantLedger = new InMemoryMerchantLedger();
        private ReminderLog reminderLog; // null: in memory, and refused by build() for a service with real merchants
        private ReminderNotifier reminderNotifier; // likewise
        private ReminderSettings reminderSettings = ReminderSettings.defaults();
        private ReminderJobListener reminderListener = ReminderJobListener.NONE;
        private DailyCounters dailyCounters = new InMemoryDailyCounters();
        private int refreshMax = RefreshLimiter.DEFAULT_MAX;
        private JobLocks jobLocks;
        private JobLedger jobLedger = new InMemoryJobLedger();
        private JobListener jobListener = JobListener.NONE;
        private FinancialEventGroupSource eventGroupSource = new InMemoryFinancialEventGroupSource();
        private BalanceSnapshotStore balanceSnapshotStore = new InMemoryBalanceSnapshotStore();
        private SnapshotSettings snapshotSettings;
        private SnapshotListener snapshotListener = SnapshotListener.NONE;

        private Builder(boolean embedded) {
            this.embedded = embedded;
        }

        /**
         * Declares that this kit runs no job (no reminder job, job runner, nightly scheduler or refresh):
         * {@link #build()} then needs no job ports, and the job accessors refuse.
         */
        public Builder withoutJobs() {
            this.withoutJobs = true;
            return this;
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

        /** Which (channel, site) pairs have settlement files, and where (default: none). */
        public Builder settlementFeeds(SettlementFeeds feeds) {
            this.settlementFeeds = Objects.requireNonNull(feeds, "settlementFeeds");
            return this;
        }

        /** Where settlement files are read (default: in memory, empty; see also {@code LocalDirectorySettlementFiles}). */
        public Builder settlementFiles(SettlementFiles files) {
            this.settlementFiles = Objects.requireNonNull(files, "settlementFiles");
            return this;
        }

        /** The parser of {@code channel}'s settlement files (no default: the parsers live in settlekit-files). */
        public Builder settlementParser(Channel channel, SettlementParser parser) {
            this.settlementParsers.put(Objects.requireNonNull(channel, "channel"), Objects.requireNonNull(parser, "parser"));
            return this;
        }

        /** The shop's receivables (default: in memory, empty). */
        public Builder receivables(ReceivableSource source) {
            this.receivables = Objects.requireNonNull(source, "receivables");
            return this;
        }

        /** Where reconciliation reports are published (default: in memory). */
        public Builder reconciliationReports(ReconciliationReports reports) {
            this.reconciliationReports = Objects.requireNonNull(reports, "reconciliationReports");
            return this;
        }

        /** Where the raw settlement files are copied before they are parsed (default: nowhere). */
        public Builder settlementArchive(SettlementArchive archive) {
            this.settlementArchive = Objects.requireNonNull(archive, "settlementArchive");
            return this;
        }

        /** Progress and outcomes of reconciliations (default: none). */
        public Builder reconcileListener(ReconcileListener listener) {
            this.reconcileListener = Objects.requireNonNull(listener, "reconcileListener");
            return this;
        }

        /** The merchants' plan histories (default: in memory). */
        public Builder planStore(PlanStore store) {
            this.planStore = Objects.requireNonNull(store, "planStore");
            return this;
        }

        /** Which merchants without a plan row get the legacy weekly plan (default: all of them). */
        public Builder legacyWeekly(LegacyWeeklyMerchants legacy) {
            this.legacyWeekly = Objects.requireNonNull(legacy, "legacyWeekly");
            return this;
        }

        /** The host's merchant accounts and orders (default: an empty in-memory ledger). */
        public Builder merchantLedger(MerchantLedger ledger) {
            this.merchantLedger = Objects.requireNonNull(ledger, "merchantLedger");
            return this;
        }

        /**
         * The reminder send log (default: in memory, which de-duplicates within one process only; refused by
         * {@link #build()} of a service kit whose plans or merchant ledger are real).
         */
        public Builder reminderLog(ReminderLog log) {
            this.reminderLog = Objects.requireNonNull(log, "reminderLog");
            return this;
        }

        /**
         * Where reminders go (default: kept in memory, nothing is sent; refused by {@link #build()} of a
         * service kit whose plans or merchant ledger are real).
         */
        public Builder reminderNotifier(ReminderNotifier notifier) {
            this.reminderNotifier = Objects.requireNonNull(notifier, "reminderNotifier");
            return this;
        }

        /** Template, price per message, attempts and batch size of the reminder job. */
        public Builder reminderSettings(ReminderSettings settings) {
            this.reminderSettings = Objects.requireNonNull(settings, "reminderSettings");
            return this;
        }

        /** Hears the reminder job's outcomes (default: nothing). */
        public Builder reminderListener(ReminderJobListener listener) {
            this.reminderListener = Objects.requireNonNull(listener, "reminderListener");
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

        /**
         * The job locks (default: in memory, this JVM only, and only in an {@link Settlekit#embedded()} kit or
         * one built {@link #withoutJobs()}; use MySQL, MongoDB or Redis across instances).
         */
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

        /**
         * Wires the use cases.
         *
         * @throws ValidationException ({@code missing_field}) naming the port, for a {@link Settlekit#builder()}
         *         kit with jobs whose job lock is in memory ({@code job_locks}), or whose plans or merchant
         *         ledger are real but whose reminder notifier or log is in memory ({@code reminder_notifier},
         *         {@code reminder_log}): in a service, those would silently lock, send or de-duplicate in one
         *         process only
         */
        public Settlekit build() {
            List<String> inMemory = inMemoryPorts();
            if (!embedded && !withoutJobs) {
                if (jobLocks == null) {
                    throw missingJobPort("job_locks", "jobLocks(…) with a MySQL, MongoDB or Redis lock");
                }
                boolean realMerchants = !(planStore instanceof InMemoryPlanStore) || !(merchantLedger instanceof InMemoryMerchantLedger);
                if (realMerchants && reminderNotifier == null) {
                    throw missingJobPort("reminder_notifier", "reminderNotifier(…), e.g. TencentSmsNotifier or WebhookNotifier");
                }
                if (realMerchants && reminderLog == null) {
                    throw missingJobPort("reminder_log", "reminderLog(…), e.g. MysqlReminderLog");
                }
            }
            if (embedded) {
                LOG.warn("embedded Settlekit: in memory, this process only: {}", inMemory);
            } else if (!inMemory.isEmpty()) {
                LOG.info("Settlekit ports left on their in-memory defaults: {}", inMemory);
            }
            return new Settlekit(this);
        }

        private ValidationException missingJobPort(String port, String how) {
            return new ValidationException(io.settlekit.base.ErrorCode.MISSING_FIELD, port, null,
                    "is in memory, so the jobs would run in this process only: set " + how
                            + ", or call withoutJobs() (or use Settlekit.embedded() for a demo or test)");
        }

        private List<String> inMemoryPorts() {
            List<String> names = new ArrayList<>();
            addIf(names, feeTypeStore instanceof InMemoryFeeTypeStore, "fee_types");
            addIf(names, feeRateStore instanceof InMemoryFeeRateStore, "fee_rates");
            addIf(names, settlementFiles instanceof InMemorySettlementFiles, "settlement_files");
            addIf(names, receivables instanceof InMemoryReceivables, "receivables");
            addIf(names, reconciliationReports instanceof InMemoryReconciliationReports, "reconciliation_reports");
            addIf(names, planStore instanceof InMemoryPlanStore, "plan_store");
            addIf(names, merchantLedger instanceof InMemoryMerchantLedger, "merchant_ledger");
            addIf(names, reminderLog == null || reminderLog instanceof InMemoryReminderLog, "reminder_log");
            addIf(names, reminderNotifier == null || reminderNotifier instanceof InMemoryReminderNotifier, "reminder_notifier");
            addIf(names, dailyCounters instanceof InMemoryDailyCounters, "daily_counters");
            addIf(names, jobLocks == null || jobLocks instanceof InMemoryJobLocks, "job_locks");
            addIf(names, jobLedger instanceof InMemoryJobLedger, "job_ledger");
            addIf(names, eventGroupSource instanceof InMemoryFinancialEventGroupSource, "financial_event_groups");
            addIf(names, balanceSnapshotStore instanceof InMemoryBalanceSnapshotStore, "balance_snapshots");
            return names;
        }

        private static void addIf(List<String> names, boolean condition, String name) {
            if (condition) {
                names.add(name);
            }
        }
    }
}
