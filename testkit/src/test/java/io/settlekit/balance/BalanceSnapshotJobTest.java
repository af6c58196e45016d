package io.settlekit.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.ValidationException;
import io.settlekit.access.Actor;
import io.settlekit.balance.memory.InMemoryBalanceSnapshotStore;
import io.settlekit.balance.memory.InMemoryFinancialEventGroupSource;
import io.settlekit.money.FeeType;
import io.settlekit.money.FeeTypeCatalog;
import io.settlekit.money.RateBook;
import io.settlekit.money.memory.InMemoryFeeRateStore;
import io.settlekit.money.memory.InMemoryFeeTypeStore;
import io.settlekit.testkit.MutableClock;
import io.settlekit.testkit.balance.SampleEventGroups;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The snapshot job (rules R7 of docs/rules.md) on in-memory adapters: rounding, summary, rerun, missing rates, batching. */
class BalanceSnapshotJobTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);
    private static final Actor FINANCE = Actor.admin("finance");

    private final MutableClock clock = MutableClock.at(ZonedDateTime.of(2026, 11, 21, 23, 50, 0, 0, SHANGHAI));
    private final InMemoryFinancialEventGroupSource source = new InMemoryFinancialEventGroupSource();
    private final InMemoryBalanceSnapshotStore store = new InMemoryBalanceSnapshotStore();
    private final List<Integer> batches = new ArrayList<>();
    private RateBook rates;
    private BalanceSnapshotJob job;

    @BeforeEach
    void setUp() {
        List<FeeType> types = new ArrayList<>(List.of(FeeType.CNY, FeeType.HKD));
        for (String code : List.of("USD", "EUR", "JPY", "GBP")) {
            types.add(new FeeType(code, code, code, code));
        }
        rates = new RateBook(new InMemoryFeeRateStore(), new FeeTypeCatalog(new InMemoryFeeTypeStore(types)), clock, SHANGHAI);
        rates.save(FINANCE, "T1001", "USD", "CNY", new BigDecimal("7.1234"));
        rates.save(FINANCE, "T1001", "JPY", "CNY", new BigDecimal("0.0470"));
        rates.save(FINANCE, "T1001", "CNY", "HKD", new BigDecimal("1.0800")); // only the inverse pair: HKD→CNY = 1/1.08
        clock.advance(Duration.ofSeconds(1));
        job = newJob(3);
    }

    private BalanceSnapshotJob newJob(int batchSize) {
        SnapshotListener listener = new SnapshotListener() {
            @Override
            public void batchWritten(SnapshotRun run, int batchSize, long written) {
                batches.add(batchSize);
            }
        };
        return new BalanceSnapshotJob(source, store, rates, clock,
                new SnapshotSettings("T1001", batchSize, Duration.ofMinutes(30)), listener);
    }

    @ParameterizedTest(name = "{0} {1} -> integer {2} -> {3} CNY")
    @CsvSource({
            // amount, currency, integer, cny_balance
            "100.50, USD, 101, 719.46",      // 101 x 7.1234 = 719.4634
            "100.49, USD, 100, 712.34",
            "-0.50, USD, -1, -7.12",          // HALF_UP rounds half away from zero
            "-100.50, USD, -101, -719.46",
            "12345, JPY, 12345, 580.22",      // 580.215 -> 580.22
            "99.99, CNY, 100, 100.00",
            "1000.00, HKD, 1000, 925.93",     // 1000 / 1.08 = 925.925925… -> 925.93
            "0.49, USD, 0, 0.00",
    })
    void convertsEachGroupExactlyAsTheDomainSays(String amount, String currency, String integer, String cny) {
        source.add(SampleEventGroups.open(1, currency, amount));

        SnapshotSummary summary = job.run(DAY);

        BalanceSnapshot document = store.day(DAY).orElseThrow().documents().get(0);
        assertThat(document.originalTotalAmount()).isEqualTo(new BigDecimal(integer));
        assertThat(document.cnyBalance()).isEqualTo(new BigDecimal(cny));
        assertThat(document.group().originalTotalAmount()).as("the source amount is kept").isEqualTo(new BigDecimal(amount));
        assertThat(summary.totalAmount()).isEqualTo(new BigDecimal(cny));
    }

    @Test
    void theSummaryTotalsTheDayAndRecordsTheRatesUsed() {
        source.add(SampleEventGroups.open(1, "USD", "100.50"));
        source.add(SampleEventGroups.open(2, "JPY", "12345"));
        source.add(SampleEventGroups.open(3, "HKD", "1000.00"));
        source.add(SampleEventGroups.open(4, "CNY", "99.99"));
        source.add(SampleEventGroups.full(5, "GBP", "1.00").processingStatus("Closed").build()); // no GBP rate: not open, not read

        SnapshotSummary summary = job.run(DAY);

        assertThat(summary.totalAmount()).isEqualTo(new BigDecimal("2325.61")); // 719.46 + 580.22 + 925.93 + 100.00
        assertThat(summary.documentCount()).isEqualTo(4);
        assertThat(summary.loadDate()).isEqualTo(DAY);
        assertThat(summary.insertTime()).isEqualTo(clock.instant());
        assertThat(summary.run().station()).isEqualTo("T1001");
        assertThat(summary.rates()).isEqualTo(Map.of("CNY", BigDecimal.ONE, "USD", new BigDecimal("7.1234"),
                "JPY", new BigDecimal("0.0470"), "HKD", BigDecimal.ONE.divide(new BigDecimal("1.0800"), MathContext.DECIMAL128)));
        assertThat(store.summary(DAY)).contains(summary);
        assertThat(store.day(DAY).orElseThrow().documents()).allSatisfy(d -> {
            assertThat(d.loadDate()).isEqualTo(DAY);
            assertThat(d.insertTime()).isEqualTo(clock.instant());
        });
        assertThat(batches).containsExactly(3, 1);
    }

    @Test
    void usesTheRatesCurrentAtTheRun() {
        source.add(SampleEventGroups.open(1, "USD", "100.00"));
        rates.save(FINANCE, "T1001", "USD", "CNY", new BigDecimal("7.2000"));
        clock.advance(Duration.ofSeconds(1));

        assertThat(job.run(DAY).totalAmount()).isEqualTo(new BigDecimal("720.00"));
    }

    @Test
    void aRerunReplacesTheDay() {
        source.add(SampleEventGroups.open(1, "USD", "100.00"));
        source.add(SampleEventGroups.open(2, "USD", "200.00"));
        job.run(DAY);
        source.clear();
        source.add(SampleEventGroups.open(3, "CNY", "5.00"));
        clock.advance(Duration.ofMinutes(5));

        SnapshotSummary rerun = job.run(DAY);

        SnapshotDay day = store.day(DAY).orElseThrow();
        assertThat(day.summary()).isEqualTo(rerun);
        assertThat(day.documents()).extracting(d -> d.group().uuid()).containsExactly(SampleEventGroups.uuid(3));
        assertThat(store.summaries(DAY, DAY)).containsExactly(rerun);
    }

    @Test
    void aCurrencyWithoutARateFailsBeforeAnythingIsWrittenNamingEveryOne() {
        source.add(SampleEventGroups.open(1, "USD", "1.00"));
        job.run(DAY);
        SnapshotDay before = store.day(DAY).orElseThrow();
        source.add(SampleEventGroups.open(2, "EUR", "1.00"));
        source.add(SampleEventGroups.open(3, "GBP", "1.00"));
        source.add(SampleEventGroups.open(4, "usd", "1.00"));
        clock.advance(Duration.ofMinutes(1));

        assertThatThrownBy(() -> job.run(DAY))
                .isInstanceOfSatisfying(MissingRatesException.class, e -> {
                    assertThat(e.code()).isEqualTo("rate_not_found");
                    assertThat(e.field()).contains("currency_code");
                    assertThat(e.currencies()).containsExactly("EUR", "GBP", "usd");
                    assertThat(e.station()).isEqualTo("T1001");
                    assertThat(e.getMessage()).isEqualTo("station 'T1001' has no rate to CNY for [EUR, GBP, usd]: the snapshot was not written");
                });
        assertThat(store.day(DAY)).contains(before);
        assertThat(store.day(DAY.plusDays(1))).isEmpty();
        assertThat(batches).hasSize(1);
    }

    @Test
    void aCurrencyAppearingDuringTheRunWithoutARateFailsItAndDiscardsWhatWasStaged() {
        for (int n = 1; n <= 7; n++) {
            source.add(SampleEventGroups.open(n, "USD", "1.00"));
        }
        // the source reports only USD before the scan, then hands out an EUR row
        source.add(SampleEventGroups.open(8, "EUR", "1.00"));
        io.settlekit.balance.FinancialEventGroupSource racing = new io.settlekit.balance.FinancialEventGroupSource() {
            @Override
            public java.util.Set<String> openCurrencies() {
                return java.util.Set.of("USD");
            }

            @Override
            public void forEachOpen(java.util.function.Consumer<FinancialEventGroup> action) {
                source.forEachOpen(action);
            }
        };
        BalanceSnapshotJob racingJob = new BalanceSnapshotJob(racing, store, rates, clock, new SnapshotSettings("T1001", 3, Duration.ofMinutes(1)), SnapshotListener.NONE);

        assertThatThrownBy(() -> racingJob.run(DAY))
                .isInstanceOfSatisfying(MissingRatesException.class, e -> assertThat(e.currencies()).containsExactly("EUR"));
        assertThat(store.day(DAY)).isEmpty();
    }

    @Test
    void memoryHoldsOneBatchAtATime() {
        SampleEventGroups.openGroups(1_000, "USD", "CNY", "JPY").forEach(source::add);
        BalanceSnapshotJob batched = newJob(64);

        SnapshotSummary summary = batched.run(DAY);

        assertThat(summary.documentCount()).isEqualTo(1_000);
        assertThat(batches).hasSize(16).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(64));
        assertThat(batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1_000);
        BigDecimal total = store.day(DAY).orElseThrow().documents().stream().map(BalanceSnapshot::cnyBalance).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(summary.totalAmount()).isEqualByComparingTo(total);
    }

    @Test
    void anEmptySourcePublishesAZeroDay() {
        SnapshotSummary summary = job.run(DAY);

        assertThat(summary.documentCount()).isZero();
        assertThat(summary.totalAmount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(store.summary(DAY)).contains(summary);
    }

    @Test
    void snapshotsRefuseNumbersThatBreakTheRule() {
        FinancialEventGroup group = SampleEventGroups.open(1, "USD", "100.50");
        BalanceSnapshot good = BalanceSnapshot.of(group, DAY, clock.instant(), new BigDecimal("7.1234"));

        assertThatThrownBy(() -> new BalanceSnapshot(group, DAY, clock.instant(), good.exchangeRate(), new BigDecimal("100"), good.cnyBalance()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("original_total_amount"));
        assertThatThrownBy(() -> new BalanceSnapshot(group, DAY, clock.instant(), good.exchangeRate(), good.originalTotalAmount(), new BigDecimal("719.47")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("cny_balance"));
        assertThatThrownBy(() -> BalanceSnapshot.of(group, DAY, clock.instant(), BigDecimal.ZERO))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("exchange_rate"));
        assertThat(good.cnyBalanceFen()).isEqualTo(71946);
    }

    @Test
    void badSettingsAreTypedErrors() {
        assertThatThrownBy(() -> new SnapshotSettings(" ", 10, Duration.ofMinutes(1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("station"));
        assertThatThrownBy(() -> new SnapshotSettings("T1", 0, Duration.ofMinutes(1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("batch_size"));
        assertThatThrownBy(() -> new SnapshotSettings("T1", 10, Duration.ZERO))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("lock_at_most_for"));
    }
}
