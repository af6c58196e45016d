package io.settlekit.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.job.JobLocks;
import io.settlekit.testkit.contract.JobLocksContract;

import com.mongodb.client.MongoDatabase;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The MongoDB job locks (ShedLock's Mongo provider) pass the job lock contract on the embedded server. */
class MongoJobLocksIT extends JobLocksContract {
    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    private static MongoDatabase database;

    @BeforeAll
    static void database() {
        database = MONGO.freshDatabase();
    }

    @Override
    protected JobLocks newLocks() {
        return new MongoJobLocks(database);
    }

    @Test
    void threeInstancesOf16ThreadsNeverHoldTheLockTogether() throws Exception {
        int[] result = hammer(List.of(newLocks(), newLocks(), newLocks()), 16, 10);

        assertThat(result[0]).isEqualTo(1);
        assertThat(result[1]).isPositive();
    }
}
