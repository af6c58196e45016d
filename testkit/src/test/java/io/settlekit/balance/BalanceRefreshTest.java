package io.settlekit.balance;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.base.InfrastructureException;
import io.settlekit.Settlekit;
import io.settlekit.base.ValidationException;
import io.settlekit.access.Actor;
import io.settlekit.balance.memory.InMemoryFinancialEventGroupSource;
import io.settlekit.job.memory.InMemoryJobLocks;
import io.settlekit.job.JobLease;
import io.settlekit.testkit.MutableClock;
import io.settlekit.testkit.balance.SampleEventGroups;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The refresh button as one use case, wired by the Settlekit builder on in-memory adapters. */
class BalanceRefreshTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final MutableClock clock = MutableClock.at(ZonedDateTime.of(2026, 11, 21, 10, 0, 0, 0, SHANGHAI));
    private final InMemoryFinancialEventGroupSource source = new InMemoryFinancialEventGroupSource();
    private final InMemoryJobLocks locks = new InMemoryJobLocks(clock);
    private Settlekit kit;

    @BeforeEach
    void setUp() {
        kit = Settlekit.embedded()
                .clock(clock)
                .zone(SHANGHAI)
                .financialEventGroups(source)
                .jobLocks(locks)
                .balanceSnapshotSettings(SnapshotSettings.of("T1001"))
                .build();
        kit.rateBook().save(Actor.admin("finance"), "T1001", "HKD", "CNY", new BigDecimal("0.9235"));
        clock.advance(Duration.ofSeconds(1));
        source.add(SampleEventGroups.open(1, "HKD", "1000.40"));
        source.add(SampleEventGroups.open(2, "CNY", "20.00"));
    }

    @Test
    void aNonAdminRefreshesOnceThenIsDeniedWithTheResetTime() {
        RefreshOutcome first = kit.balanceRefresh().refresh(Actor.user("u1"));
        clock.advance(Duration.ofMinutes(1));
        RefreshOutcome second = kit.balanceRefresh().refresh(Actor.user("u1"));

        assertThat(first.status()).isEqualTo(RefreshOutcome.Status.REFRESHED);
        assertThat(first.decision().remaining()).isZero();
        SnapshotSummary summary = first.summary().orElseThrow();
        assertThat(summary.totalAmount()).isEqualTo(new BigDecimal("943.50")); // 1000 x 0.9235 + 20
        assertThat(summary.loadDate()).isEqualTo(LocalDate.of(2026, 11, 21));
        assertThat(second.status()).isEqualTo(RefreshOutcome.Status.DENIED);
        assertThat(second.decision().message()).isEqualTo("no refreshes left today");
        assertThat(second.decision().resetsAt().toOffsetDateTime().toString()).isEqualTo("2026-11-21T23:59:59.999+08:00");
        assertThat(second.summary()).isEmpty();
        assertThat(kit.balanceSnapshots().summary(LocalDate.of(2026, 11, 21))).contains(summary);
    }

    @Test
    void anAdminIsNotLimitedAndEachRefreshRedoesTheDay() {
        Actor root = Actor.admin("root");
        RefreshOutcome first = kit.balanceRefresh().refresh(root);
        source.add(SampleEventGroups.open(3, "CNY", "1.00"));
        clock.advance(Duration.ofMinutes(1));
        RefreshOutcome second = kit.balanceRefresh().refresh(root);
        RefreshOutcome third = kit.balanceRefresh().refresh(root);

        assertThat(first.status()).isEqualTo(RefreshOutcome.Status.REFRESHED);
        assertThat(second.summary().orElseThrow().documentCount()).isEqualTo(3);
        assertThat(third.status()).isEqualTo(RefreshOutcome.Status.REFRESHED);
        assertThat(kit.balanceSnapshots().summary(LocalDate.of(2026, 11, 21))).isEqualTo(third.summary());
    }

    @Test
    void aRefreshWhileTheSnapshotRunsElsewhereAnswersBusy() {
        try (JobLease nightly = locks.tryLock(BalanceSnapshotJob.NAME, Duration.ofMinutes(30)).orElseThrow()) {
            RefreshOutcome outcome = kit.balanceRefresh().refresh(Actor.user("u1"));

            assertThat(outcome.status()).isEqualTo(RefreshOutcome.Status.BUSY);
            assertThat(outcome.decision().allowed()).isTrue();
            assertThat(outcome.summary()).isEmpty();
        }
        assertThat(kit.balanceSnapshots().summary(LocalDate.of(2026, 11, 21))).isEmpty();
    }

    @Test
    void aRefreshWhoseSnapshotFailsGivesTheDaysRefreshBack() {
        source.add(SampleEventGroups.open(3, "USD", "5.00")); // no USD rate: the snapshot throws
        Actor user = Actor.user("u1");

        Assertions.assertThatThrownBy(() -> kit.balanceRefresh().refresh(user)).isInstanceOf(MissingRatesException.class);
        source.clear(); // the operator fixes the data
        source.add(SampleEventGroups.open(1, "HKD", "1000.40"));
        clock.advance(Duration.ofMinutes(1));
        RefreshOutcome retried = kit.balanceRefresh().refresh(user);

        assertThat(retried.status()).as("the failed refresh gave its count back").isEqualTo(RefreshOutcome.Status.REFRESHED);
        assertThat(kit.balanceRefresh().refresh(user).status()).isEqualTo(RefreshOutcome.Status.DENIED);
    }

    @Test
    void aPressWhileARefreshFailsIsDeniedAndAPressAfterTheFailureIsAllowed() throws Exception {
        FailingOnceSource failing = new FailingOnceSource(source);
        Settlekit racing = Settlekit.embedded().clock(clock).zone(SHANGHAI).financialEventGroups(failing)
                .jobLocks(new InMemoryJobLocks(clock)).balanceSnapshotSettings(SnapshotSettings.of("T1001")).build();
        racing.rateBook().save(Actor.admin("finance"), "T1001", "HKD", "CNY", new BigDecimal("0.9235"));
        Actor user = Actor.user("u1");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<RefreshOutcome> first = pool.submit(() -> racing.balanceRefresh().refresh(user));
            assertThat(failing.entered.await(10, TimeUnit.SECONDS)).as("the first refresh is running").isTrue();

            RefreshOutcome during = racing.balanceRefresh().refresh(user);
            failing.release.countDown();

            assertThat(during.status()).as("the running refresh holds the day's count").isEqualTo(RefreshOutcome.Status.DENIED);
            Assertions.assertThatThrownBy(first::get).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(InfrastructureException.class);
            RefreshOutcome after = racing.balanceRefresh().refresh(user);
            assertThat(after.status()).as("the failure gave the count back").isEqualTo(RefreshOutcome.Status.REFRESHED);
            assertThat(racing.balanceRefresh().refresh(user).status()).isEqualTo(RefreshOutcome.Status.DENIED);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A source whose first read blocks until released, then fails like a database going away. */
    private static final class FailingOnceSource implements FinancialEventGroupSource {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final FinancialEventGroupSource delegate;
        private final AtomicBoolean failed = new AtomicBoolean();

        FailingOnceSource(FinancialEventGroupSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public Set<String> openCurrencies() {
            if (failed.compareAndSet(false, true)) {
                entered.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new InfrastructureException("reading the open groups failed", new IllegalStateException("connection reset"));
            }
            return delegate.openCurrencies();
        }

        @Override
        public void forEachOpen(Consumer<FinancialEventGroup> action) {
            delegate.forEachOpen(action);
        }
    }

    @Test
    void withoutAStationTheSnapshotIsATypedError() {
        Settlekit bare = Settlekit.embedded().clock(clock).build();

        Assertions.assertThatThrownBy(bare::balanceRefresh)
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("balance_station"));
    }

    @Test
    void theNightlyRunAndTheRefreshShareOneLedgerAndLock() {
        LocalDate today = LocalDate.of(2026, 11, 21);
        assertThat(kit.jobRunner().run(kit.balanceSnapshotJob(), today, io.settlekit.job.RunMode.ONCE_PER_DATE).ran()).isTrue();
        assertThat(kit.jobRunner().run(kit.balanceSnapshotJob(), today, io.settlekit.job.RunMode.ONCE_PER_DATE).ran()).isFalse();

        assertThat(kit.balanceRefresh().refresh(Actor.user("u9")).status()).as("a refresh is forced").isEqualTo(RefreshOutcome.Status.REFRESHED);
    }
}
