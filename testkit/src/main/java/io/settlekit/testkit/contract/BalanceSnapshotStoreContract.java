package io.settlekit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.ValidationException;
import io.settlekit.balance.BalanceSnapshot;
import io.settlekit.balance.FinancialEventGroup;
import io.settlekit.balance.PublishOutcome;
import io.settlekit.balance.SnapshotDay;
import io.settlekit.balance.SnapshotRun;
import io.settlekit.balance.SnapshotSummary;
import io.settlekit.balance.BalanceSnapshotStore;
import io.settlekit.balance.SnapshotWriter;
import io.settlekit.testkit.balance.SampleEventGroups;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link BalanceSnapshotStore}: staged runs are invisible until published; publishing
 * replaces the day as a whole; an aborted run changes nothing; an older run never replaces a newer one;
 * summaries list in date order; and a reader never sees a mix of two runs while reruns write. An adapter's
 * test extends this class and implements {@link #newStore()}.
 *
 * <p>Not thread-safe: a JUnit test class, one instance per test method (its concurrency tests start their own threads).
 */
public abstract class BalanceSnapshotStoreContract {

    /** A new, empty store. */
    protected abstract BalanceSnapshotStore newStore();

    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);
    private static final Instant T0 = Instant.parse("2026-11-21T15:50:00.123Z");
    private static final Map<String, BigDecimal> RATES = Map.of("USD", new BigDecimal("7.1234"), "CNY", BigDecimal.ONE,
            "JPY", new BigDecimal("0.047000000000000000000000000000001"));

    private BalanceSnapshotStore store;

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    /** A run of {@code day} started {@code secondsAfter} T0. */
    protected static SnapshotRun run(LocalDate day, long secondsAfter) {
        return new SnapshotRun(UUID.randomUUID().toString(), day, T0.plusSeconds(secondsAfter), "T1001");
    }

    /** The documents of {@code run} for groups {@code from..to}, currencies cycling USD, CNY, JPY. */
    protected static List<BalanceSnapshot> documents(SnapshotRun run, int from, int to) {
        String[] currencies = {"USD", "CNY", "JPY"};
        List<BalanceSnapshot> documents = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            String currency = currencies[n % 3];
            FinancialEventGroup group = n % 5 == 0 ? SampleEventGroups.minimal(n, currency, SampleEventGroups.amount(n))
                    : SampleEventGroups.open(n, currency, SampleEventGroups.amount(n));
            documents.add(BalanceSnapshot.of(group, run.loadDate(), run.startedAt(), RATES.get(currency)));
        }
        return documents;
    }

    /** The summary describing exactly {@code documents} of {@code run}. */
    protected static SnapshotSummary summaryOf(SnapshotRun run, List<BalanceSnapshot> documents) {
        BigDecimal total = documents.stream().map(BalanceSnapshot::cnyBalance).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new SnapshotSummary(run, total, documents.size(), RATES);
    }

    /** Stages {@code documents} of {@code run} in batches and publishes them. */
    protected static PublishOutcome publish(BalanceSnapshotStore store, SnapshotRun run, List<BalanceSnapshot> documents) {
        try (SnapshotWriter writer = store.open(run)) {
            for (int i = 0; i < documents.size(); i += 100) {
                writer.write(documents.subList(i, Math.min(documents.size(), i + 100)));
            }
            return writer.publish(summaryOf(run, documents));
        }
    }

    private static List<BalanceSnapshot> byUuid(List<BalanceSnapshot> documents) {
        return documents.stream().sorted(Comparator.comparing(d -> d.group().uuid())).toList();
    }

    @Test
    void anEmptyStoreHasNoDays() {
        assertThat(store.summary(DAY)).isEmpty();
        assertThat(store.day(DAY)).isEmpty();
        assertThat(store.summaries(DAY.minusDays(30), DAY)).isEmpty();
    }

    @Test
    void aPublishedRunReadsBackEqualOrderedByUuid() {
        SnapshotRun run = run(DAY, 0);
        List<BalanceSnapshot> documents = documents(run, 1, 250);

        assertThat(publish(store, run, documents)).isEqualTo(PublishOutcome.PUBLISHED);

        SnapshotSummary summary = summaryOf(run, documents);
        assertThat(store.summary(DAY)).contains(summary);
        SnapshotDay day = store.day(DAY).orElseThrow();
        assertThat(day.summary()).isEqualTo(summary);
        assertThat(day.documents()).containsExactlyElementsOf(byUuid(documents));
    }

    @Test
    void anEmptyRunPublishesAZeroSummary() {
        SnapshotRun run = run(DAY, 0);

        publish(store, run, List.of());

        SnapshotSummary summary = store.summary(DAY).orElseThrow();
        assertThat(summary.documentCount()).isZero();
        assertThat(summary.totalAmount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(store.day(DAY).orElseThrow().documents()).isEmpty();
    }

    @Test
    void stagedDocumentsAreInvisibleUntilPublished() {
        SnapshotRun first = run(DAY, 0);
        List<BalanceSnapshot> published = documents(first, 1, 10);
        publish(store, first, published);
        SnapshotRun rerun = run(DAY, 60);
        List<BalanceSnapshot> staged = documents(rerun, 1, 20);

        try (SnapshotWriter writer = store.open(rerun)) {
            writer.write(staged);

            assertThat(store.summary(DAY)).contains(summaryOf(first, published));
            assertThat(store.day(DAY).orElseThrow().documents()).containsExactlyElementsOf(byUuid(published));

            writer.publish(summaryOf(rerun, staged));
        }
        assertThat(store.day(DAY).orElseThrow().documents()).containsExactlyElementsOf(byUuid(staged));
    }

    @Test
    void aRerunReplacesTheDayWithoutDuplicates() {
        SnapshotRun first = run(DAY, 0);
        publish(store, first, documents(first, 1, 300));
        SnapshotRun second = run(DAY, 60);
        List<BalanceSnapshot> rerun = documents(second, 101, 350);

        assertThat(publish(store, second, rerun)).isEqualTo(PublishOutcome.PUBLISHED);

        SnapshotDay day = store.day(DAY).orElseThrow();
        assertThat(day.summary().run()).isEqualTo(second);
        assertThat(day.documents()).hasSize(250).containsExactlyElementsOf(byUuid(rerun));
        assertThat(store.summaries(DAY, DAY)).containsExactly(summaryOf(second, rerun));
    }

    @Test
    void anAbortedRunChangesNothing() {
        SnapshotRun first = run(DAY, 0);
        List<BalanceSnapshot> published = documents(first, 1, 10);
        publish(store, first, published);
        SnapshotRun aborted = run(DAY, 60);

        try (SnapshotWriter writer = store.open(aborted)) {
            writer.write(documents(aborted, 1, 50));
        }

        assertThat(store.day(DAY).orElseThrow().summary()).isEqualTo(summaryOf(first, published));
        assertThat(store.day(DAY).orElseThrow().documents()).containsExactlyElementsOf(byUuid(published));
        SnapshotRun later = run(DAY, 120);
        List<BalanceSnapshot> laterDocuments = documents(later, 1, 5);
        publish(store, later, laterDocuments);
        assertThat(store.day(DAY).orElseThrow().documents()).containsExactlyElementsOf(byUuid(laterDocuments));
    }

    @Test
    void anOlderRunNeverReplacesANewerOne() {
        SnapshotRun older = run(DAY, 0);
        SnapshotRun newer = run(DAY, 60);
        List<BalanceSnapshot> newerDocuments = documents(newer, 1, 10);

        try (SnapshotWriter slow = store.open(older)) {
            List<BalanceSnapshot> olderDocuments = documents(older, 1, 20);
            slow.write(olderDocuments);
            assertThat(publish(store, newer, newerDocuments)).isEqualTo(PublishOutcome.PUBLISHED);

            assertThat(slow.publish(summaryOf(older, olderDocuments))).isEqualTo(PublishOutcome.SUPERSEDED);
        }

        assertThat(store.day(DAY).orElseThrow().summary().run()).isEqualTo(newer);
        assertThat(store.day(DAY).orElseThrow().documents()).containsExactlyElementsOf(byUuid(newerDocuments));
    }

    @Test
    void daysAreKeptApartAndListedOldestFirst() {
        List<SnapshotSummary> expected = new ArrayList<>();
        for (int d = 3; d >= 1; d--) {
            SnapshotRun run = run(DAY.minusDays(d), -d * 86_400L);
            List<BalanceSnapshot> documents = documents(run, d, d + 3);
            publish(store, run, documents);
            expected.add(summaryOf(run, documents));
        }

        assertThat(store.summaries(DAY.minusDays(3), DAY)).containsExactlyElementsOf(expected);
        assertThat(store.summaries(DAY.minusDays(2), DAY.minusDays(2))).containsExactly(expected.get(1));
        assertThat(store.summaries(DAY, DAY.minusDays(3))).isEmpty();
        assertThat(store.day(DAY.minusDays(1)).orElseThrow().documents()).hasSize(4);
        assertThat(store.day(DAY)).isEmpty();
    }

    @Test
    void aSummaryThatDoesNotDescribeTheStagedDocumentsIsRefusedAndChangesNothing() {
        SnapshotRun run = run(DAY, 0);
        List<BalanceSnapshot> documents = documents(run, 1, 10);

        try (SnapshotWriter writer = store.open(run)) {
            writer.write(documents);
            assertThatThrownBy(() -> writer.publish(summaryOf(run, documents.subList(0, 9))))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("document_count");
            SnapshotRun other = run(DAY, 1);
            assertThatThrownBy(() -> writer.publish(summaryOf(other, documents)))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("summary.run");
        }

        assertThat(store.summary(DAY)).isEmpty();
    }

    @Test
    void documentsOfAnotherDayOrTimeAreRefused() {
        SnapshotRun run = run(DAY, 0);
        SnapshotRun otherDay = run(DAY.plusDays(1), 0);

        try (SnapshotWriter writer = store.open(run)) {
            assertThatThrownBy(() -> writer.write(documents(otherDay, 1, 2)))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("load_date");
        }
        assertThat(store.summary(DAY)).isEmpty();
    }

    @Test
    void readersNeverSeeAMixOfRunsWhileRerunsWrite() throws Exception {
        SnapshotRun first = run(DAY, 0);
        publish(store, first, documents(first, 1, 200));
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        Set<String> runsSeen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    while (writing.get() || reads.get() < 10) {
                        SnapshotDay day = store.day(DAY).orElseThrow();
                        // SnapshotDay's constructor already refuses a count, total, day or insert time
                        // (each run has its own) that differs from the summary's: a mix cannot be built
                        Set<String> uuids = new HashSet<>();
                        day.documents().forEach(d -> uuids.add(d.group().uuid()));
                        assertThat(uuids).hasSize((int) day.summary().documentCount());
                        runsSeen.add(day.summary().run().runId());
                        reads.incrementAndGet();
                    }
                    return null;
                }));
            }
            Future<?> writer = pool.submit(() -> {
                try {
                    for (int k = 1; k <= 8; k++) {
                        SnapshotRun rerun = run(DAY, k * 60L);
                        List<BalanceSnapshot> documents = documents(rerun, k * 7 + 1, k * 7 + 200);
                        assertThat(publish(store, rerun, documents)).isEqualTo(PublishOutcome.PUBLISHED);
                        SnapshotDay after = store.day(DAY).orElseThrow();
                        assertThat(after.documents()).containsExactlyElementsOf(byUuid(documents));
                    }
                } finally {
                    writing.set(false);
                }
                return null;
            });
            writer.get(120, TimeUnit.SECONDS);
            for (Future<?> reader : readers) {
                reader.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(reads.get()).isGreaterThanOrEqualTo(10);
        assertThat(runsSeen).isNotEmpty();
        assertThat(store.day(DAY).orElseThrow().documents()).hasSize(200);
    }
}
