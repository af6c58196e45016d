package io.settlekit.mongo;

import io.settlekit.job.JobLedger;
import io.settlekit.testkit.contract.JobLedgerContract;

import com.mongodb.client.MongoDatabase;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The MongoDB job ledger passes the job ledger contract on the embedded server. */
class MongoJobLedgerIT extends JobLedgerContract {
    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    private static MongoDatabase database;

    @BeforeAll
    static void database() {
        database = MONGO.freshDatabase();
    }

    @Override
    protected JobLedger newLedger() {
        return new MongoJobLedger(database);
    }
}
