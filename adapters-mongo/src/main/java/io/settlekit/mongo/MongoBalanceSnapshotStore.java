package io.settlekit.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import io.settlekit.internal.Checks;
import io.settlekit.base.InfrastructureException;
import io.settlekit.balance.BalanceSnapshot;
import io.settlekit.balance.PublishOutcome;
import io.settlekit.balance.SnapshotDay;
import io.settlekit.balance.SnapshotRun;
import io.settlekit.balance.SnapshotSummary;
import io.settlekit.balance.BalanceSnapshotStore;
import io.settlekit.balance.SnapshotWriter;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Store balance snapshots on MongoDB, in the seed's collections {@code financial_event_group} (one document
 * per group and day) and {@code financial_event_group_summary} (one per day), names configurable; amounts
 * are {@code Decimal128}. Takes the host's {@link MongoDatabase}.
 *
 * <p><b>Replacing a day without transactions.</b> Every document carries the {@code run_id} of the run that
 * wrote it; the day's summary names the published run. A run stages its documents under its own id (readers
 * do not see them: they follow the summary), then publishes by one atomic single-document upsert of the
 * summary, conditional on the published run not having started later (so an older run never replaces a
 * newer one), and finally deletes the documents of the runs it replaced. An aborted run deletes its own.
 * Nothing needs multi-document transactions or a replica set.
 *
 * <p><b>Dead runs.</b> A run whose process died (killed while staging, or between publishing its summary and
 * deleting the documents it replaced) leaves documents no summary names. The next run, of any day, cleans
 * them when it opens: the documents of every run that no summary names and that started at least
 * {@code staleRunAge} before it (30 minutes by default: a run that old is dead, since runs go through the
 * job runner's lock, which is kept alive while a run lasts). A run whose staged documents were removed
 * that way (it was not dead after all, only slower than {@code staleRunAge}) is refused at publish time
 * with an {@link InfrastructureException} and publishes nothing.
 *
 * <p><b>What raw readers of the collections may see.</b> Readers of {@code financial_event_group} that do
 * not go through the summary (the seed's queries by {@code load_date} alone) may see, beside the published
 * run's documents of a day: the staged documents of a run in progress; for a moment after a publish, the
 * documents of the run it replaced (until the delete that follows); and the documents of a dead run, until
 * the next run that starts {@code staleRunAge} or more after it. Documents of an unpublished run differ in
 * {@code run_id} from the day's summary. Summaries themselves are always whole and consistent.
 *
 * <p><b>Reading.</b> {@link #day(LocalDate)} reads the summary, then the documents of its run, and checks
 * their count against the summary: a rerun publishing in between can delete the old run's documents while
 * they are read, and then the read starts over with the new summary. So a reader of this adapter never
 * sees a mix of runs nor a summary that disagrees with its documents. Hosts querying the collections
 * themselves should do the same: read the summary, then {@code {load_date, run_id}} of it.
 *
 * <p><b>Indexes</b> (created by the constructor, idempotent): documents {@code {load_date, run_id, uuid}}
 * unique (a day's documents in uuid order, never a group twice in a run) and {@code {run_id}} (dropping a
 * run); summaries {@code {load_date}} unique (one summary per day, the history in date order).
 *
 * <p>Thread-safe: final fields and thread-safe driver collections; concurrent runs are kept apart by the documents' run
 * ids and the server's atomic updates.
 */
public final class MongoBalanceSnapshotStore implements BalanceSnapshotStore {
    /** The seed's collection of snapshot documents. */
    public static final String DEFAULT_DOCUMENTS = "financial_event_group";
    /** The seed's collection of daily summaries. */
    public static final String DEFAULT_SUMMARIES = "financial_event_group_summary";

    /** How long before a new run an unpublished run must have started to be cleaned as dead, by default. */
    public static final Duration DEFAULT_STALE_RUN_AGE = Duration.ofMinutes(30);

    private static final Logger LOG = LoggerFactory.getLogger(MongoBalanceSnapshotStore.class);
    private static final int READ_ATTEMPTS = 5;

    private final MongoCollection<Document> documents;
    private final MongoCollection<Document> summaries;
    private final ZoneId zone;
    private final Duration staleRunAge;

    /** A store on the seed's collection names. */
    public MongoBalanceSnapshotStore(MongoDatabase database, ZoneId zone) {
        this(database, DEFAULT_DOCUMENTS, DEFAULT_SUMMARIES, zone);
    }

    /**
     * @param database          the host's database
     * @param documentsName     the collection of snapshot documents
     * @param summariesName     the collection of daily summaries
     * @param zone              the deployment zone, for the summary's {@code insert_time} text (the seed
     *                          keeps it as {@code yyyy-MM-dd HH:mm:ss} local time)
     */
    public MongoBalanceSnapshotStore(MongoDatabase database, String documentsName, String summariesName, ZoneId zone) {
        this(database, documentsName, summariesName, zone, DEFAULT_STALE_RUN_AGE);
    }

    /**
     * @param database      the host's database
     * @param documentsName the collection of snapshot documents
     * @param summariesName the collection of daily summaries
     * @param zone          the deployment zone, for the summary's {@code insert_time} text
     * @param staleRunAge   how long before a new run an unpublished run must have started for the new run to
     *                      delete its documents as a dead run's (see the class comment); positive, and above
     *                      the longest pause a live run may make between staging and publishing
     */
    public MongoBalanceSnapshotStore(MongoDatabase database, String documentsName, String summariesName, ZoneId zone, Duration staleRunAge) {
        Objects.requireNonNull(database, "database");
        this.staleRunAge = Checks.positive("stale_run_age", staleRunAge);
        this.documents = database.getCollection(MongoNames.collection("documents_collection", documentsName));
        this.summaries = database.getCollection(MongoNames.collection("summaries_collection", summariesName));
        this.zone = Checks.present("zone", zone);
        MongoFailures.run("creating the snapshot indexes", () -> {
            documents.createIndex(Indexes.ascending(SnapshotDocuments.LOAD_DATE, SnapshotDocuments.RUN_ID, SnapshotDocuments.UUID),
                    new IndexOptions().unique(true).name("load_date_run_id_uuid"));
            documents.createIndex(Indexes.ascending(SnapshotDocuments.RUN_ID), new IndexOptions().name("run_id"));
            summaries.createIndex(Indexes.ascending(SnapshotDocuments.LOAD_DATE), new IndexOptions().unique(true).name("load_date"));
        });
    }

    @Override
    public SnapshotWriter open(SnapshotRun run) {
        Checks.present("run", run);
        dropDeadRuns(run);
        return new Writer(run);
    }

    /**
     * Deletes the documents of the runs no summary names that started {@code staleRunAge} or more before
     * {@code next}: dead runs. Found through the {@code run_id} index (a handful of distinct runs: one per
     * published day, plus the dead ones); documents without a {@code run_id} (written before this adapter)
     * are never touched.
     */
    private void dropDeadRuns(SnapshotRun next) {
        Date cutoff = Date.from(next.startedAt().minus(staleRunAge));
        MongoFailures.run("cleaning the documents of dead snapshot runs", () -> {
            Set<String> published = summaries.distinct(SnapshotDocuments.RUN_ID, String.class).into(new HashSet<>());
            for (String runId : documents.distinct(SnapshotDocuments.RUN_ID, String.class).into(new ArrayList<>())) {
                if (runId == null || published.contains(runId)) {
                    continue;
                }
                Document first = documents.find(eq(SnapshotDocuments.RUN_ID, runId))
                        .projection(Projections.include(SnapshotDocuments.LOAD_DATE, SnapshotDocuments.INSERT_TIME)).first();
                if (first == null || !(first.get(SnapshotDocuments.INSERT_TIME) instanceof Date started) || !started.before(cutoff)) {
                    continue; // gone meanwhile, or a run that may still be alive
                }
                String day = first.getString(SnapshotDocuments.LOAD_DATE);
                if (summaries.countDocuments(and(eq(SnapshotDocuments.LOAD_DATE, day), eq(SnapshotDocuments.RUN_ID, runId))) > 0) {
                    continue; // published since the summaries were read
                }
                long deleted = documents.deleteMany(and(eq(SnapshotDocuments.RUN_ID, runId), lt(SnapshotDocuments.INSERT_TIME, cutoff))).getDeletedCount();
                LOG.info("deleted {} documents of dead snapshot run {} of {} (started {}, never published)", deleted, runId, day, started.toInstant());
            }
        });
    }

    @Override
    public Optional<SnapshotSummary> summary(LocalDate loadDate) {
        Checks.present("load_date", loadDate);
        return MongoFailures.call("reading the summary of " + loadDate, () ->
                Optional.ofNullable(summaries.find(eq(SnapshotDocuments.LOAD_DATE, loadDate.toString())).first())
                        .map(SnapshotDocuments::summaryFrom));
    }

    @Override
    public Optional<SnapshotDay> day(LocalDate loadDate) {
        for (int attempt = 1; attempt <= READ_ATTEMPTS; attempt++) {
            Optional<SnapshotSummary> summary = summary(loadDate);
            if (summary.isEmpty()) {
                return Optional.empty();
            }
            List<BalanceSnapshot> read = documentsOf(summary.get());
            if (read.size() == summary.get().documentCount()) {
                return Optional.of(new SnapshotDay(summary.get(), read));
            }
            LOG.debug("snapshot day {} changed while read (run {}): reading again", loadDate, summary.get().run().runId());
        }
        throw new InfrastructureException("the snapshot of " + loadDate + " kept changing, or its documents do not match its summary, after "
                + READ_ATTEMPTS + " reads", null);
    }

    @Override
    public List<SnapshotSummary> summaries(LocalDate from, LocalDate to) {
        Checks.present("from", from);
        Checks.present("to", to);
        return MongoFailures.call("listing the summaries " + from + ".." + to, () -> {
            List<SnapshotSummary> result = new ArrayList<>();
            summaries.find(and(gte(SnapshotDocuments.LOAD_DATE, from.toString()), lte(SnapshotDocuments.LOAD_DATE, to.toString())))
                    .sort(Sorts.ascending(SnapshotDocuments.LOAD_DATE))
                    .forEach(document -> result.add(SnapshotDocuments.summaryFrom(document)));
            return result;
        });
    }

    /** The documents of the summary's run, in uuid order (read with the unique index). */
    private List<BalanceSnapshot> documentsOf(SnapshotSummary summary) {
        return MongoFailures.call("reading the snapshot documents of " + summary.loadDate(), () -> {
            List<BalanceSnapshot> result = new ArrayList<>();
            documents.find(and(eq(SnapshotDocuments.LOAD_DATE, summary.loadDate().toString()), eq(SnapshotDocuments.RUN_ID, summary.run().runId())))
                    .sort(Sorts.ascending(SnapshotDocuments.UUID))
                    .forEach(document -> result.add(SnapshotDocuments.fromDocument(document)));
            return result;
        });
    }

    private final class Writer implements SnapshotWriter {
        private final SnapshotRun run;
        private long staged;
        private BigDecimal stagedTotal = BigDecimal.ZERO;
        private boolean published;

        Writer(SnapshotRun run) {
            this.run = run;
        }

        @Override
        public void write(List<BalanceSnapshot> batch) {
            if (batch.isEmpty()) {
                return;
            }
            List<Document> rows = new ArrayList<>(batch.size());
            BigDecimal total = BigDecimal.ZERO;
            for (BalanceSnapshot document : batch) {
                run.requireOwns(document);
                rows.add(SnapshotDocuments.toDocument(document, run.runId()));
                total = total.add(document.cnyBalance());
            }
            MongoFailures.run("staging " + rows.size() + " snapshot documents of " + run.loadDate(),
                    () -> documents.insertMany(rows, new InsertManyOptions().ordered(true)));
            staged += rows.size();
            stagedTotal = stagedTotal.add(total);
        }

        @Override
        public PublishOutcome publish(SnapshotSummary summary) {
            summary.requireDescribes(run, staged, stagedTotal);
            String day = run.loadDate().toString();
            long left = MongoFailures.call("counting the staged snapshot documents of " + day,
                    () -> documents.countDocuments(eq(SnapshotDocuments.RUN_ID, run.runId())));
            if (left != staged) {
                Optional<SnapshotSummary> current = summary(run.loadDate());
                if (current.isPresent() && run.startedBefore(current.get().run())) {
                    // a later run of the day is published, and removed what this one staged
                    dropOwn();
                    published = true;
                    return PublishOutcome.SUPERSEDED;
                }
                throw new InfrastructureException("the staged documents of snapshot run " + run.runId() + " of " + day + " were removed ("
                        + left + " of " + staged + " left: a later run took it for dead, older than " + staleRunAge + "); nothing was published", null);
            }
            Date started = Date.from(run.startedAt());
            Bson fields = Updates.combine(SnapshotDocuments.summaryFields(summary, zone).entrySet().stream()
                    .map(field -> Updates.set(field.getKey(), field.getValue())).toList());
            Optional<Document> replaced;
            try {
                // one atomic single-document write: the day now names this run, unless a later run is published
                replaced = Optional.ofNullable(summaries.findOneAndUpdate(
                        and(eq(SnapshotDocuments.LOAD_DATE, day), or(lte(SnapshotDocuments.RUN_STARTED_AT, started),
                                // a summary written before this adapter (no run) is always replaced
                                exists(SnapshotDocuments.RUN_STARTED_AT, false))),
                        fields, new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE)));
            } catch (MongoWriteException | MongoCommandException e) {
                if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw new InfrastructureException("MongoDB failed while publishing the snapshot of " + day + " (error " + e.getCode() + ")", e);
                }
                // the upsert found no summary it may replace: a later run of the day is published
                dropOwn();
                published = true;
                return PublishOutcome.SUPERSEDED;
            } catch (com.mongodb.MongoException e) {
                throw new InfrastructureException("MongoDB failed while publishing the snapshot of " + day + " (error " + e.getCode() + ")", e);
            }
            published = true;
            Bson replacedRuns = replaced.map(previous -> or(lt(SnapshotDocuments.INSERT_TIME, started),
                    eq(SnapshotDocuments.RUN_ID, previous.getString(SnapshotDocuments.RUN_ID))))
                    .orElse(lt(SnapshotDocuments.INSERT_TIME, started));
            MongoFailures.run("deleting the replaced snapshot documents of " + day, () -> documents.deleteMany(
                    and(eq(SnapshotDocuments.LOAD_DATE, day), ne(SnapshotDocuments.RUN_ID, run.runId()), replacedRuns)));
            return PublishOutcome.PUBLISHED;
        }

        @Override
        public void close() {
            if (!published) {
                dropOwn();
            }
        }

        private void dropOwn() {
            MongoFailures.run("discarding the staged snapshot documents of run " + run.runId(),
                    () -> documents.deleteMany(eq(SnapshotDocuments.RUN_ID, run.runId())));
        }
    }
}
