package io.settlekit.examples.balance;

import io.settlekit.Settlekit;
import io.settlekit.base.SettlekitException;
import io.settlekit.balance.SnapshotListener;
import io.settlekit.balance.SnapshotRun;
import io.settlekit.balance.SnapshotSummary;
import io.settlekit.examples.BalanceWiring;
import io.settlekit.examples.HostWiring;
import io.settlekit.job.JobResult;
import io.settlekit.job.RunMode;
import io.settlekit.mysql.job.MysqlJobLocks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.zaxxer.hikari.HikariDataSource;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One service instance running the nightly snapshot once, in its own JVM (the end-to-end test starts it
 * with a small {@code -Xmx} to prove the job's memory stays flat). Configured by environment variables
 * {@code E2E_JDBC_URL}, {@code E2E_JDBC_USER}, {@code E2E_JDBC_PASSWORD}, {@code E2E_MONGO_URI},
 * {@code E2E_MONGO_DATABASE}, {@code E2E_DATE} and {@code E2E_MODE}; prints one line of
 * {@code key=value} pairs: the job's status, documents, total, milliseconds, and the largest heap in use
 * after a full GC, sampled every 10,000 documents.
 */
public final class SnapshotProcess {
    private SnapshotProcess() {
    }

    public static void main(String[] args) {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        long[] peakAfterGc = {0};
        SnapshotListener heapSampler = new SnapshotListener() {
            @Override
            public void batchWritten(SnapshotRun run, int batchSize, long written) {
                if (written % 10_000 == 0) {
                    System.gc();
                    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    peakAfterGc[0] = Math.max(peakAfterGc[0], used);
                }
            }
        };
        try (HikariDataSource dataSource = HostWiring.pool(System.getenv("E2E_JDBC_URL"), System.getenv("E2E_JDBC_USER"), System.getenv("E2E_JDBC_PASSWORD"));
             MongoClient mongo = MongoClients.create(System.getenv("E2E_MONGO_URI"))) {
            Settlekit kit = BalanceWiring.kit(dataSource, mongo.getDatabase(System.getenv("E2E_MONGO_DATABASE")),
                    new MysqlJobLocks(dataSource), zone, heapSampler);
            long start = System.nanoTime();
            JobResult<SnapshotSummary> result = kit.jobRunner().run(kit.balanceSnapshotJob(), LocalDate.parse(System.getenv("E2E_DATE")),
                    RunMode.valueOf(System.getenv("E2E_MODE")));
            long millis = (System.nanoTime() - start) / 1_000_000;
            String ran = result.result().map(summary -> " documents=" + summary.documentCount() + " total=" + summary.totalAmount().toPlainString()
                    + " run=" + summary.run().runId()).orElse("");
            System.out.println("status=" + result.status() + ran + " millis=" + millis + " peak_heap_after_gc=" + peakAfterGc[0]
                    + " max_heap=" + Runtime.getRuntime().maxMemory());
        } catch (SettlekitException e) {
            System.out.println("error=" + e.code() + " message=" + e.getMessage());
            System.exit(3);
        }
    }
}
