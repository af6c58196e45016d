package io.settlekit.mongo;

import static com.mongodb.client.model.Filters.eq;

import io.settlekit.job.JobCompletion;
import io.settlekit.job.JobLedger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

import java.time.LocalDate;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;

import org.bson.Document;

/**
 * The ledger of finished job dates on MongoDB: one document per job and date,
 * {@code {_id: "<job>|<yyyy-MM-dd>", job, date, completed_at, detail}}, replaced on every record.
 *
 * <p>Thread-safe: a final, thread-safe driver collection; each record is one atomic upsert.
 */
public final class MongoJobLedger implements JobLedger {
    /** The default collection. */
    public static final String DEFAULT_COLLECTION = "settlekit_job_run";

    private final MongoCollection<Document> runs;

    /** A ledger in {@value #DEFAULT_COLLECTION}. */
    public MongoJobLedger(MongoDatabase database) {
        this(database, DEFAULT_COLLECTION);
    }

    /**
     * @param database   the host's database
     * @param collection the ledger collection
     */
    public MongoJobLedger(MongoDatabase database, String collection) {
        Objects.requireNonNull(database, "database");
        this.runs = database.getCollection(MongoNames.collection("ledger_collection", collection));
    }

    @Override
    public Optional<JobCompletion> completion(String job, LocalDate date) {
        return MongoFailures.call("reading the completion of job " + job + " for " + date, () ->
                Optional.ofNullable(runs.find(eq("_id", id(job, date))).first())
                        .map(document -> new JobCompletion(job, date, document.getDate("completed_at").toInstant(), document.getString("detail"))));
    }

    @Override
    public void record(JobCompletion completion) {
        Document document = new Document("_id", id(completion.job(), completion.date()))
                .append("job", completion.job())
                .append("date", completion.date().toString())
                .append("completed_at", Date.from(completion.completedAt()))
                .append("detail", completion.detail());
        MongoFailures.run("recording the completion of job " + completion.job() + " for " + completion.date(),
                () -> runs.replaceOne(eq("_id", document.get("_id")), document, new ReplaceOptions().upsert(true)));
    }

    private static String id(String job, LocalDate date) {
        return job + "|" + date;
    }
}
