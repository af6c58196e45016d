package io.settlekit.balance;

import static org.assertj.core.api.Assertions.assertThat;

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
