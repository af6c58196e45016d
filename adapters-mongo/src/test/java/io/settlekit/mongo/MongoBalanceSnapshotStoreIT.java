package io.settlekit.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.InfrastructureException;
import io.settlekit.base.ValidationException;
import io.settlekit.balance.BalanceSnapshot;
import io.settlekit.balance.PublishOutcome;
import io.settlekit.balance.SnapshotDay;
import io.settlekit.balance.SnapshotRun;
import io.settlekit.balance.BalanceSnapshotStore;
import io.settlekit.testkit.contract.BalanceSnapshotStoreContract;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The MongoDB snapshot store passes the snapshot store contract on the embedded MongoDB-protocol server
 * (no transactions), writes the seed's document shapes with {@code Decimal128} amounts, keeps its indexes,
 * and never answers a torn day.
 */
class MongoBalanceSnapshotStoreIT extends BalanceSnapshotStoreContract {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    private MongoDatabase database;

    @Override
    protected BalanceSnapshotStore newStore() {
        database = MONGO.freshDatabase();
        return new MongoBalanceSnapshotStore(database, SHANGHAI);
    }

    private MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }

    @Test
    void writesTheSeedsFieldsWithDecimal128AmountsAndDates() {
        BalanceSnapshotStore store = newStore();
        SnapshotRun run = run(DAY, 0);
        List<BalanceSnapshot> documents = documents(run, 3, 3); // group 3: USD, every column filled

        publish(store, run, documents);

        Document document = collection("financial_event_group").find().first();
        BalanceSnapshot written = documents.get(0);
        assertThat(document.getString("load_date")).isEqualTo("2026-11-21");
        assertThat(document.get("insert_time")).isEqualTo(Date.from(run.startedAt()));
        assertThat(document.get("original_total_amount")).isEqualTo(new Decimal128(written.originalTotalAmount()));
        assertThat(document.get("source_original_total_amount")).isEqualTo(new Decimal128(written.group().originalTotalAmount()));
        assertThat(document.get("exchange_rate")).isEqualTo(new Decimal128(new BigDecimal("7.1234")));
        assertThat(document.get("cny_balance")).isEqualTo(new Decimal128(written.cnyBalance()));
        assertThat(document.get("converted_total_amount")).isInstanceOf(Decimal128.class);
        assertThat(document.get("created_at")).isInstanceOf(Date.class);
        assertThat(document.keySet()).contains("uuid", "created_at", "updated_at", "deleted_at", "seller_id",
                "financial_event_group_id", "processing_status", "fund_transfer_status", "fund_transfer_date", "trace_id",
                "account_tail", "original_total_amount", "converted_total_amount", "beginning_balance_amount",
                "financial_event_group_start", "financial_event_group_end", "currency_code", "ext_hash", "exchange_rate",
                "cny_balance", "run_id");
        assertThat(document.get("deleted_at")).isNull();
        assertThat(document.values()).noneMatch(value -> value instanceof Double || value instanceof Float);

        Document summary = collection("financial_event_group_summary").find().first();
        assertThat(summary.getString("load_date")).isEqualTo("2026-11-21");
        assertThat(summary.getString("insert_time")).isEqualTo("2026-11-21 23:50:00");
        assertThat(summary.get("total_amount")).isEqualTo(new Decimal128(written.cnyBalance()));
        assertThat(summary.getString("run_id")).isEqualTo(run.runId());
        assertThat(summary.get("document_count")).isEqualTo(1L);
    }

    @Test
    void createsTheIndexesItsQueriesNeed() {
        newStore();

        List<Document> documentIndexes = collection("financial_event_group").listIndexes().into(new ArrayList<>());
        List<Document> summaryIndexes = collection("financial_event_group_summary").listIndexes().into(new ArrayList<>());

        assertThat(documentIndexes).anySatisfy(index -> {
            assertThat(index.get("key", Document.class).keySet()).containsExactly("load_date", "run_id", "uuid");
            assertThat(index.getBoolean("unique")).isTrue();
        });
        assertThat(documentIndexes).anySatisfy(index -> assertThat(index.get("key", Document.class).keySet()).containsExactly("run_id"));
        assertThat(summaryIndexes).anySatisfy(index -> {
            assertThat(index.get("key", Document.class).keySet()).containsExactly("load_date");
            assertThat(index.getBoolean("unique")).isTrue();
        });
        new MongoBalanceSnapshotStore(database, SHANGHAI); // creating them again is harmless
    }

    @Test
    void collectionNamesAreConfigurable() {
        database = MONGO.freshDatabase();
        BalanceSnapshotStore store = new MongoBalanceSnapshotStore(database, "balances_2", "balances_2_summary", SHANGHAI);
        SnapshotRun run = run(DAY, 0);

        publish(store, run, documents(run, 1, 3));

        assertThat(collection("balances_2").countDocuments()).isEqualTo(3);
        assertThat(collection("balances_2_summary").countDocuments()).isEqualTo(1);
        assertThat(collection("financial_event_group").countDocuments()).isZero();
        assertThatThrownBy(() -> new MongoBalanceSnapshotStore(database, "system.x", "ok", SHANGHAI))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("documents_collection"));
    }

    @Test
    void aRerunLeavesOnlyItsOwnDocumentsInTheCollection() {
        BalanceSnapshotStore store = newStore();
        SnapshotRun first = run(DAY, 0);
        publish(store, first, documents(first, 1, 120));
        SnapshotRun second = run(DAY, 60);

        publish(store, second, documents(second, 1, 80));

        assertThat(collection("financial_event_group").countDocuments(Filters.eq("load_date", "2026-11-21"))).isEqualTo(80);
        assertThat(collection("financial_event_group").distinct("run_id", String.class).into(new ArrayList<>())).containsExactly(second.runId());
        assertThat(collection("financial_event_group_summary").countDocuments()).isEqualTo(1);
    }

    @Test
    void aSupersededRunRemovesItsStagedDocuments() {
        BalanceSnapshotStore store = newStore();
        SnapshotRun older = run(DAY, 0);
        SnapshotRun newer = run(DAY, 60);
        List<BalanceSnapshot> olderDocuments = documents(older, 1, 30);

        try (var slow = store.open(older)) {
            slow.write(olderDocuments);
            publish(store, newer, documents(newer, 1, 10));
            assertThat(slow.publish(summaryOf(older, olderDocuments))).isEqualTo(PublishOutcome.SUPERSEDED);
        }

        assertThat(collection("financial_event_group").countDocuments()).isEqualTo(10);
    }

    @Test
    void aDayWrittenBeforeTheAdapterIsReplacedByARun() {
        BalanceSnapshotStore store = newStore();
        collection("financial_event_group_summary").insertOne(new Document("load_date", "2026-11-21")
                .append("insert_time", "2026-11-21 23:50:01").append("total_amount", new Decimal128(new BigDecimal("1.00"))));
        collection("financial_event_group").insertOne(new Document("load_date", "2026-11-21")
                .append("insert_time", Date.from(run(DAY, -60).startedAt())).append("uuid", "legacy"));
        SnapshotRun run = run(DAY, 0);

        assertThat(publish(store, run, documents(run, 1, 2))).isEqualTo(PublishOutcome.PUBLISHED);

        assertThat(store.day(DAY).orElseThrow().documents()).hasSize(2);
        assertThat(collection("financial_event_group").countDocuments()).isEqualTo(2);
    }

    @Test
    void aDayWhoseDocumentsDoNotMatchItsSummaryIsNeverAnswered() {
        BalanceSnapshotStore store = newStore();
        SnapshotRun run = run(DAY, 0);
        publish(store, run, documents(run, 1, 5));
        collection("financial_event_group").deleteOne(Filters.eq("uuid", documents(run, 3, 3).get(0).group().uuid()));

        assertThatThrownBy(() -> store.day(DAY))
                .isInstanceOfSatisfying(InfrastructureException.class, e -> assertThat(e.getMessage()).contains("2026-11-21"));
        assertThat(store.summary(DAY)).isPresent();
    }

    @Test
    void aStoppedServerIsAnInfrastructureErrorWithItsCause() {
        EmbeddedMongo other = EmbeddedMongo.alwaysEmbedded();
        other.beforeAll(null);
        MongoDatabase lost = other.freshDatabase();
        BalanceSnapshotStore store = new MongoBalanceSnapshotStore(lost, SHANGHAI);
        other.server().shutdownNow();
        try {
            assertThatThrownBy(() -> store.summary(DAY))
                    .isInstanceOfSatisfying(InfrastructureException.class, e -> {
                        assertThat(e.getMessage()).startsWith("MongoDB failed while reading the summary of 2026-11-21");
                        assertThat(e.getCause()).isNotNull();
                    });
        } finally {
            other.afterAll(null);
        }
    }

    @Test
    void theDayReadBackEqualsTheRecordsWritten() {
        BalanceSnapshotStore store = newStore();
        SnapshotRun run = run(DAY, 0);
        List<BalanceSnapshot> documents = documents(run, 1, 40);
        publish(store, run, documents);

        SnapshotDay day = store.day(DAY).orElseThrow();

        assertThat(day.documents()).containsExactlyInAnyOrderElementsOf(documents);
        assertThat(day.summary()).isEqualTo(summaryOf(run, documents));
    }

    private long rawDocuments(LocalDate day) {
        return collection("financial_event_group").countDocuments(Filters.eq("load_date", day.toString()));
    }

    @Test
    void aDeadRunsStagedDocumentsAreDeletedByTheNextRunOfAnyDay() {
        BalanceSnapshotStore store = newStore();
        SnapshotRun published = run(DAY, 0);
        publish(store, published, documents(published, 1, 5));
        // a day written before the adapter (no run id): never taken for a dead run
        collection("financial_event_group_summary").insertOne(new Document("load_date", "2026-11-01").append("insert_time", "2026-11-01 23:50:01"));
        collection("financial_event_group").insertOne(new Document("load_date", "2026-11-01")
                .append("insert_time", Date.from(run(DAY, -86_400 * 20).startedAt())).append("uuid", "legacy"));
        SnapshotRun dead = run(DAY, 60);
        var writer = store.open(dead);
        writer.write(documents(dead, 1, 7)); // then the process dies: never published, never closed

        assertThat(rawDocuments(DAY)).as("what a raw reader of the day sees meanwhile").isEqualTo(5 + 7);
        assertThat(store.day(DAY).orElseThrow().documents()).as("a reader through the summary").hasSize(5);

        LocalDate nextDay = DAY.plusDays(1);
        SnapshotRun next = run(nextDay, 60 + 31 * 60); // 31 minutes after the dead run started
        assertThat(publish(store, next, documents(next, 1, 3))).isEqualTo(PublishOutcome.PUBLISHED);

        assertThat(rawDocuments(DAY)).as("the dead run's documents are gone").isEqualTo(5);
        assertThat(collection("financial_event_group").distinct("run_id", String.class).into(new ArrayList<>()))
                .containsExactlyInAnyOrder(published.runId(), next.runId());
        assertThat(store.day(DAY).orElseThrow().summary().run()).isEqualTo(published);
        assertThat(store.day(DAY).orElseThrow().documents()).hasSize(5);
        assertThat(store.day(nextDay).orElseThrow().documents()).hasSize(3);
        assertThat(rawDocuments(LocalDate.parse("2026-11-01"))).as("legacy documents untouched").isEqualTo(1);
    }

    @Test
    void aRecentUnpublishedRunIsLeftToFinish() {
        BalanceSnapshotStore store = newStore();
        SnapshotRun slow = run(DAY, 0);
        List<BalanceSnapshot> slowDocuments = documents(slow, 1, 7);
        try (var writer = store.open(slow)) {
            writer.write(slowDocuments);
            SnapshotRun other = run(DAY.plusDays(1), 29 * 60); // 29 minutes later: the slow run may be alive
            publish(store, other, documents(other, 1, 3));

            assertThat(rawDocuments(DAY)).isEqualTo(7);
            assertThat(writer.publish(summaryOf(slow, slowDocuments))).isEqualTo(PublishOutcome.PUBLISHED);
        }
        assertThat(store.day(DAY).orElseThrow().documents()).hasSize(7);
    }

    @Test
    void aRunTakenForDeadPublishesNothing() {
        BalanceSnapshotStore store = newStore();
        SnapshotRun before = run(DAY, -3_600);
        publish(store, before, documents(before, 1, 2));
        SnapshotRun slow = run(DAY, 0);
        List<BalanceSnapshot> slowDocuments = documents(slow, 1, 7);
        try (var writer = store.open(slow)) {
            writer.write(slowDocuments);
            SnapshotRun other = run(DAY.plusDays(1), 45 * 60); // 45 minutes later: the slow run looks dead
            publish(store, other, documents(other, 1, 3));

            assertThatThrownBy(() -> writer.publish(summaryOf(slow, slowDocuments)))
                    .isInstanceOfSatisfying(InfrastructureException.class, e -> assertThat(e.getMessage())
                            .contains(slow.runId()).contains("0 of 7 left").contains("nothing was published"));
        }
        assertThat(store.day(DAY).orElseThrow().summary().run()).as("the day keeps its published run").isEqualTo(before);
        assertThat(store.day(DAY).orElseThrow().documents()).hasSize(2);
        assertThat(rawDocuments(DAY)).isEqualTo(2);
    }

    @Test
    void theStaleRunAgeIsConfigurableAndPositive() {
        database = MONGO.freshDatabase();
        BalanceSnapshotStore store = new MongoBalanceSnapshotStore(database, "financial_event_group", "financial_event_group_summary",
                SHANGHAI, java.time.Duration.ofMinutes(5));
        SnapshotRun dead = run(DAY, 0);
        store.open(dead).write(documents(dead, 1, 4));
        SnapshotRun next = run(DAY, 6 * 60);

        publish(store, next, documents(next, 1, 1));

        assertThat(rawDocuments(DAY)).isEqualTo(1);
        assertThatThrownBy(() -> new MongoBalanceSnapshotStore(database, "a", "b", SHANGHAI, java.time.Duration.ZERO))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("stale_run_age"));
    }

    /**
     * Item 11 with a real process death: a run in another JVM ({@link SnapshotStagingProcess}) stages 50
     * documents of a day whose published run has 5 and is killed with SIGKILL before it publishes.
     */
    @Test
    @Timeout(120)
    void aRunKilledWhileStagingIsCleanedByTheNextRunOfAnotherDay() throws Exception {
        BalanceSnapshotStore store = newStore();
        SnapshotRun published = run(DAY, 0);
        publish(store, published, documents(published, 1, 5));
        SnapshotRun dead = run(DAY, 60);

        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), SnapshotStagingProcess.class.getName(),
                MONGO.uri(), database.getName(), dead.runId(), DAY.toString(), dead.startedAt().toString(), "50")
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                if (line.equals("STAGED 50")) {
                    process.destroyForcibly(); // SIGKILL: the writer is never closed
                    break;
                }
            }
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(output).as("the process staged its documents:%n%s", String.join("\n", output)).contains("STAGED 50");
        assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(rawDocuments(DAY)).as("what a raw reader of the day sees after the death").isEqualTo(55);
        assertThat(store.day(DAY).orElseThrow().documents()).as("a reader through the summary").hasSize(5);

        SnapshotRun next = run(DAY.plusDays(1), 60 + 31 * 60);
        assertThat(publish(store, next, documents(next, 1, 3))).isEqualTo(PublishOutcome.PUBLISHED);

        assertThat(rawDocuments(DAY)).as("the dead run's documents are gone").isEqualTo(5);
        assertThat(store.day(DAY).orElseThrow().summary().run()).isEqualTo(published);
        assertThat(store.day(DAY.plusDays(1)).orElseThrow().documents()).hasSize(3);
    }
}
