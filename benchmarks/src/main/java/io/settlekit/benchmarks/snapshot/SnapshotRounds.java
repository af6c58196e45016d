package io.settlekit.benchmarks.snapshot;

import io.settlekit.Settlekit;
import io.settlekit.balance.SnapshotListener;
import io.settlekit.balance.SnapshotRun;
import io.settlekit.balance.SnapshotSettings;
import io.settlekit.balance.SnapshotSummary;
import io.settlekit.mongo.MongoBalanceSnapshotStore;
import io.settlekit.mysql.balance.MysqlFinancialEventGroupSource;
import io.settlekit.mysql.money.MysqlFeeRateStore;
import io.settlekit.mysql.money.MysqlFeeTypeStore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.bson.Document;

/**
 * One size of the snapshot path, in its own JVM (started by {@link SnapshotPath} with a small
 * {@code -Xmx}): a warm-up round of each variant, then alternate timed rounds of the baseline and of
 * Settlekit's {@code BalanceSnapshotJob}, then one untimed round of each sampling the heap after GC every
 * 10,000 documents. Every round writes into a fresh database of the MongoDB-protocol server, dropped
 * afterwards. Prints {@code time <variant> <millis>} and {@code heap <variant> <bytes>} lines.
 *
 * <p>Arguments: JDBC URL, user, password, MongoDB URI, expected documents, timed rounds.
 */
public final class SnapshotRounds {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.of(2026, 11, 21);
    static final String STATION = "T1001";

    private SnapshotRounds() {
    }

    /** Runs the rounds; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        long expected = Long.parseLong(args[4]);
        int rounds = Integer.parseInt(args[5]);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername(args[1]);
        config.setPassword(args[2]);
        config.setMaximumPoolSize(4);
        try (HikariDataSource dataSource = new HikariDataSource(config); MongoClient mongo = MongoClients.create(args[3])) {
            Rounds run = new Rounds(dataSource, mongo, expected);
            run.baseline(null);
            run.settlekit(SnapshotListener.NONE);
            for (int round = 0; round < rounds; round++) {
                System.out.println("time baseline " + run.baseline(null));
                System.out.println("time settlekit " + run.settlekit(SnapshotListener.NONE));
            }
            HeapSampler plainHeap = new HeapSampler();
            run.baseline(plainHeap);
            plainHeap.sample();
            System.out.println("heap baseline " + plainHeap.peak());
            HeapSampler jobHeap = new HeapSampler();
            run.settlekit(new SnapshotListener() {
                @Override
                public void batchWritten(SnapshotRun snapshotRun, int batchSize, long written) {
                    if (written % 10_000 == 0) {
                        jobHeap.sample();
                    }
                }
            });
            jobHeap.sample();
            System.out.println("heap settlekit " + jobHeap.peak());
        }
    }

    /** The two variants over one pool and one Mongo client. */
    private static final class Rounds {
        private final HikariDataSource dataSource;
        private final MongoClient mongo;
        private final long expected;
        private int databases;

        Rounds(HikariDataSource dataSource, MongoClient mongo, long expected) {
            this.dataSource = dataSource;
            this.mongo = mongo;
            this.expected = expected;
        }

        /** Times the plain copy into a fresh collection with the same indexes as Settlekit's. */
        long baseline(HeapSampler heap) throws Exception {
            MongoDatabase database = fresh();
            try {
                MongoCollection<Document> documents = database.getCollection(MongoBalanceSnapshotStore.DEFAULT_DOCUMENTS);
                documents.createIndex(Indexes.ascending("load_date", "run_id", "uuid"), new IndexOptions().unique(true));
                documents.createIndex(Indexes.ascending("run_id"));
                PlainSnapshot plain = new PlainSnapshot(dataSource, Map.of("USD", new BigDecimal("7.1234"), "EUR", new BigDecimal("7.7001"),
                        "JPY", new BigDecimal("0.0470"), "CNY", BigDecimal.ONE), SnapshotSettings.DEFAULT_BATCH_SIZE, ZONE);
                long start = System.nanoTime();
                long written = plain.run(DAY, documents, heap);
                long millis = (System.nanoTime() - start) / 1_000_000;
                check("baseline", written);
                return millis;
            } finally {
                database.drop();
            }
        }

        /** Times Settlekit's job: rates checked, groups paged from MariaDB, staged, summary published. */
        long settlekit(SnapshotListener listener) {
            MongoDatabase database = fresh();
            try {
                Settlekit kit = Settlekit.builder()
                        .zone(ZONE)
                        .feeTypes(new MysqlFeeTypeStore(dataSource))
                        .feeRates(new MysqlFeeRateStore(dataSource, ZONE))
                        .financialEventGroups(new MysqlFinancialEventGroupSource(dataSource, ZONE))
                        .balanceSnapshots(new MongoBalanceSnapshotStore(database, ZONE))
                        .balanceSnapshotSettings(SnapshotSettings.of(STATION))
                        .snapshotListener(listener)
                        .build();
                long start = System.nanoTime();
                SnapshotSummary summary = kit.balanceSnapshotJob().run(DAY);
                long millis = (System.nanoTime() - start) / 1_000_000;
                check("settlekit", summary.documentCount());
                return millis;
            } finally {
                database.drop();
            }
        }

        private MongoDatabase fresh() {
            return mongo.getDatabase("bench_snapshot_" + ProcessHandle.current().pid() + "_" + databases++);
        }

        private void check(String variant, long written) {
            if (written != expected) {
                throw new IllegalStateException(variant + " wrote " + written + " documents, expected " + expected);
            }
        }
    }
}
