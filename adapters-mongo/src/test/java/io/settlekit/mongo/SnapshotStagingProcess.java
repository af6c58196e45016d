package io.settlekit.mongo;

import io.settlekit.balance.BalanceSnapshot;
import io.settlekit.balance.SnapshotRun;
import io.settlekit.testkit.balance.SampleEventGroups;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The snapshot run that dies, for {@code MongoBalanceSnapshotStoreIT}, in its own JVM: opens a run on the
 * Mongo store, stages its documents, prints {@code STAGED <count>} and waits to be killed with SIGKILL
 * (never publishing, never closing its writer).
 *
 * <p>Arguments: connection string, database, run id, load date, run start, document count.
 */
public final class SnapshotStagingProcess {
    private SnapshotStagingProcess() {
    }

    /** Stages, announces, waits; see the class comment. */
    public static void main(String[] args) throws InterruptedException {
        try (MongoClient client = MongoClients.create(args[0])) {
            MongoBalanceSnapshotStore store = new MongoBalanceSnapshotStore(client.getDatabase(args[1]), ZoneId.of("Asia/Shanghai"));
            SnapshotRun run = new SnapshotRun(args[2], LocalDate.parse(args[3]), Instant.parse(args[4]), "T1001");
            int count = Integer.parseInt(args[5]);
            List<BalanceSnapshot> documents = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                documents.add(BalanceSnapshot.of(SampleEventGroups.open(n, "USD", SampleEventGroups.amount(n)), run.loadDate(), run.startedAt(),
                        new BigDecimal("7.1234")));
            }
            var writer = store.open(run); // never closed: the process dies holding it
            writer.write(documents);
            System.out.println("STAGED " + count);
            System.out.flush();
            while (true) {
                Thread.sleep(60_000); // only SIGKILL ends this process
            }
        }
    }
}
