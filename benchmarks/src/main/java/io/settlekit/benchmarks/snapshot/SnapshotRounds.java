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
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.bson.Document;

/**
 * The snapshot path's rounds, in their own JVM (started by {@link SnapshotPath} with a small {@code -Xmx}),
 * for each size in turn (it opens the first n groups and closes the rest): one round of each variant
 * sampling the heap after GC every 10,000 documents (on the first size, the JIT's untimed warm-up; on the
 * next ones, the first timed round), then alternate timed rounds of the baseline and of Settlekit's
 * {@code BalanceSnapshotJob}. Every round writes into a fresh database of the MongoDB-protocol server,
 * dropped afterwards. Prints {@code time <variant> <size> <millis>} and {@code heap <variant> <size> <bytes>}.
 *
 * <p>Arguments: JDBC URL, user, password, MongoDB URI, timed rounds per size, then the sizes.
 */
public final class SnapshotRounds {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.of(2026, 11, 21);
    static final String STATION = "T1001";

    private SnapshotRounds() {
    }

    /** Runs the rounds; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[4]);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername(args[1]);
        config.setPassword(args[2]);
        config.setMaximumPoolSize(4);
        try (HikariDataSource dataSource = new HikariDataSource(config); MongoClient mongo = MongoClients.create(args[3])) {
            for (int i = 5; i < args.length; i++) {
                int size = Integer.parseInt(args[i]);
                try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                    statement.execute("UPDATE mws_financial_event_groups SET processing_status = IF(id <= " + size + ", 'Open', 'Closed')");
                }
                Rounds run = new Rounds(dataSource, mongo, size);
                boolean warmUp = i == 5;
                // the first round of each size samples the heap; on the first size it is also the JIT's warm-up
                HeapSampler plainHeap = new HeapSampler();
                long plainMillis = run.baseline(plainHeap);
                plainHeap.sample();
                HeapSampler jobHeap = new HeapSampler();
                long jobMillis = run.settlekit(new SnapshotListener() {
                    @Override
                    public void batchWritten(SnapshotRun snapshotRun, int batchSize, long written) {
                        if (written % 10_000 == 0) {
                            jobHeap.sample();
                        }
                    }
                });
                jobHeap.sample();
                System.out.println("heap baseline " + size + " " + plainHeap.peak());
                System.out.println("heap settlekit " + size + " " + jobHeap.peak());
                if (!warmUp) {
                    System.out.println("time baseline " + size + " " + plainMillis);
                    System.out.println("time settlekit " + size + " " + jobMillis);
                }
                for (int round = warmUp ? 0 : 1; round < rounds; round++) {
                    System.out.println("time baseline " + size + " " + run.baseline(null));
                    System.out.println("time settlekit " + size + " " + run.settlekit(SnapshotListener.NONE));
                }
            }
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
                Settlekit kit = Settlekit.embedded()
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
