package io.settlekit.resilience.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.settlekit.base.InfrastructureException;
import io.settlekit.Settlekit;
import io.settlekit.files.paypal.PaypalStlParser;
import io.settlekit.job.JobResult;
import io.settlekit.job.RunMode;
import io.settlekit.job.memory.InMemoryJobLedger;
import io.settlekit.reconcile.Channel;
import io.settlekit.reconcile.ReconcileOutcome;
import io.settlekit.reconcile.ReconciliationJob;
import io.settlekit.reconcile.ReconciliationSummary;
import io.settlekit.reconcile.ReportKey;
import io.settlekit.reconcile.memory.InMemoryReconciliationReports;
import io.settlekit.resilience.faults.FaultyHttpProxy.Fault;
import io.settlekit.s3.S3AccountClients;
import io.settlekit.s3.S3CallSettings;
import io.settlekit.s3.S3Options;
import io.settlekit.s3.S3SettlementFiles;

import java.time.Duration;
import java.util.function.BiFunction;

import org.gaul.s3proxy.junit.S3ProxyJunitCore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Scenario 3: S3 answering 500s and answering slowly. The sample PayPal day (fr-cupshe, 2025-03-14) is in an
 * embedded s3proxy behind {@link FaultyHttpProxy}; the reconciliation reads it through
 * {@link S3AccountClients} configured with {@link S3CallSettings}: the AWS SDK's standard retry strategy,
 * {@value #ATTEMPTS} attempts, backoff 50–200 ms, {@value #ATTEMPT_TIMEOUT_MILLIS} ms per attempt,
 * {@value #CALL_TIMEOUT_MILLIS} ms per call. Transient faults (500s, a slow answer) are absorbed by the
 * retries and the day reconciles exactly as without faults; persistent 500s or a store too slow for every
 * attempt fail the run after exactly {@value #ATTEMPTS} attempts within the call timeout, as an
 * {@link InfrastructureException}, the date left open and no report published.
 */
class S3FaultsIT {
    private static final String ACCESS_KEY = "settlekit-faults";
    private static final String SECRET_KEY = "settlekit-faults-secret-key";
    private static final int ATTEMPTS = 3;
    private static final long ATTEMPT_TIMEOUT_MILLIS = 600;
    private static final long CALL_TIMEOUT_MILLIS = 4_000;
    private static final long SLOW_MILLIS = 2_000;
    private static final S3CallSettings CALLS = S3CallSettings.defaults().withMaxAttempts(ATTEMPTS)
            .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200))
            .withTimeouts(Duration.ofMillis(ATTEMPT_TIMEOUT_MILLIS), Duration.ofMillis(CALL_TIMEOUT_MILLIS));
    private static final ReportKey KEY = new ReportKey(Channel.PAYPAL, ReconcileSamples.FR.name(), ReconcileSamples.DAY);

    private static S3ProxyJunitCore s3;
    private static FaultyHttpProxy proxy;
    private static ReconciliationSummary undisturbed;

    @BeforeAll
    static void start() throws Exception {
        s3 = new S3ProxyJunitCore.Builder().withCredentials(ACCESS_KEY, SECRET_KEY).withBlobStoreProvider("transient").build();
        s3.beforeEach();
        try (S3Client seeding = S3Client.builder().endpointOverride(s3.getUri()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build()) {
            var account = ReconcileSamples.PAYPAL_FR.account();
            seeding.createBucket(b -> b.bucket(account.bucket()));
            seeding.putObject(p -> p.bucket(account.bucket()).key(account.folder() + ReconcileSamples.STL_FILE),
                    RequestBody.fromBytes(ReconcileSamples.stlFile()));
        }
        proxy = new FaultyHttpProxy(s3.getUri(), SLOW_MILLIS);
        proxy.policy((kind, attempt) -> Fault.PASS);
        try (Day day = new Day()) {
            undisturbed = ((ReconcileOutcome.Completed) day.run().result().orElseThrow()).summary();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (s3 != null) {
            s3.afterEach();
        }
    }

    /** One "service instance": clients through the proxy, its own reports and job runner. */
    private static final class Day implements AutoCloseable {
        final S3AccountClients clients = new S3AccountClients(ref -> StaticCredentialsProvider.create(
                AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)), S3Options.compatible(proxy.uri()), CALLS);
        final InMemoryReconciliationReports reports = new InMemoryReconciliationReports();
        final InMemoryJobLedger ledger = new InMemoryJobLedger();
        final Settlekit kit = Settlekit.embedded()
                .jobLedger(ledger)
                .settlementFeeds(io.settlekit.reconcile.SettlementFeeds.sample())
                .settlementFiles(new S3SettlementFiles(clients))
                .settlementParser(Channel.PAYPAL, new PaypalStlParser())
                .receivables(ReconcileSamples.receivables())
                .reconciliationReports(reports)
                .build();
        final ReconciliationJob job = kit.dailyReconciliation().job(Channel.PAYPAL, ReconcileSamples.FR);

        JobResult<ReconcileOutcome> run() {
            return kit.jobRunner().run(job, ReconcileSamples.DAY, RunMode.ONCE_PER_DATE);
        }

        @Override
        public void close() {
            clients.close();
        }
    }

    @Test
    @Timeout(60)
    void transient500sAndASlowAnswerAreRetriedAndTheDayReconcilesAsWithoutFaults() {
        // the listing: a 500, then an answer slower than the attempt timeout, then through; the read: a 500, then through
        proxy.policy((kind, attempt) -> switch (kind) {
            case "LIST" -> attempt == 1 ? Fault.ERROR_500 : attempt == 2 ? Fault.SLOW : Fault.PASS;
            case "GET" -> attempt == 1 ? Fault.ERROR_500 : Fault.PASS;
            default -> Fault.PASS;
        });
        long start = System.nanoTime();
        JobResult<ReconcileOutcome> result;
        try (Day day = new Day()) {
            result = day.run();
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(result.status()).isEqualTo(JobResult.Status.RAN);
            ReconcileOutcome.Completed completed = (ReconcileOutcome.Completed) result.result().orElseThrow();
            assertThat(completed.summary()).as("the same reconciliation as without faults").isEqualTo(undisturbed);
            assertThat(day.reports.find(KEY)).isPresent();
            assertThat(proxy.count("LIST")).as("list attempts").isEqualTo(3);
            assertThat(proxy.count("GET")).as("read attempts").isEqualTo(2);
            FaultLog.record("3a-s3-transient", "standard retry strategy, " + ATTEMPTS + " attempts, backoff 50-200 ms, attempt timeout "
                    + ATTEMPT_TIMEOUT_MILLIS + " ms: ListObjectsV2 answered 500 then " + SLOW_MILLIS + " ms late then OK ("
                    + proxy.count("LIST") + " attempts seen by the proxy), GetObject 500 then OK (" + proxy.count("GET")
                    + " attempts); the day reconciled in " + millis + " ms, summary equal to the undisturbed run ("
                    + undisturbed.lines() + " lines, " + undisturbed.receivables() + " receivables), report published.");
        }
    }

    @Test
    @Timeout(60)
    void aDownloadCutShortFailsTheRunWithNothingPublishedAndTheRerunReconcilesAsWithoutFaults() {
        // the file's answer stops after its head and 1,000 of its bytes: past the SDK's retries (the call
        // returned), so the parser meets the cut
        proxy.policy((kind, attempt) -> kind.equals("GET") && attempt == 1 ? Fault.TRUNCATE : Fault.PASS);
        try (Day day = new Day()) {
            long start = System.nanoTime();
            Throwable thrown = catchThrowable(day::run);
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(thrown).isInstanceOfSatisfying(InfrastructureException.class, e -> {
                assertThat(e.getMessage()).contains("reading settlement file " + ReconcileSamples.STL_FILE);
                assertThat(e.getCause()).isNotNull();
            });
            assertThat(day.reports.find(KEY)).as("no partial report").isEmpty();
            assertThat(day.ledger.completion(day.job.name(), ReconcileSamples.DAY)).as("the date stays open").isEmpty();

            JobResult<ReconcileOutcome> rerun = day.run();

            assertThat(rerun.status()).isEqualTo(JobResult.Status.RAN);
            assertThat(((ReconcileOutcome.Completed) rerun.result().orElseThrow()).summary()).isEqualTo(undisturbed);
            assertThat(proxy.count("GET")).isEqualTo(2);
            FaultLog.record("3d-s3-truncated-download", "GetObject answer cut after its head and " + FaultyHttpProxy.TRUNCATED_BODY_BYTES
                    + " of " + ReconcileSamples.stlFile().length + " bytes: the run failed in " + millis
                    + " ms with InfrastructureException ('reading settlement file', cause " + thrown.getCause().getClass().getSimpleName()
                    + "), no partial report, date left open; the rerun reconciled exactly as without faults.");
        }
    }

    @Test
    @Timeout(60)
    void persistent500sFailTheRunAfterBoundedAttemptsWithNothingPublished() {
        proxy.policy((kind, attempt) -> Fault.ERROR_500);
        measureFailure("3b-s3-persistent-500", "every request answered 500");
    }

    @Test
    @Timeout(60)
    void aStoreTooSlowForEveryAttemptFailsTheRunWithinTheCallTimeout() {
        proxy.policy((kind, attempt) -> Fault.SLOW);
        measureFailure("3c-s3-persistently-slow", "every answer " + SLOW_MILLIS + " ms late (attempt timeout " + ATTEMPT_TIMEOUT_MILLIS + " ms)");
    }

    private static void measureFailure(String id, String fault) {
        try (Day day = new Day()) {
            long start = System.nanoTime();
            Throwable thrown = catchThrowable(day::run);
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(thrown).isInstanceOfSatisfying(InfrastructureException.class, e -> {
                assertThat(e.code()).isEqualTo("infrastructure");
                assertThat(e.getMessage()).contains("listing s3://" + ReconcileSamples.PAYPAL_FR.account().bucket()).doesNotContain(SECRET_KEY);
                assertThat(e.getCause()).isNotNull();
            });
            assertThat(proxy.count("LIST")).as("bounded attempts").isEqualTo(ATTEMPTS);
            assertThat(proxy.count("GET")).as("no file read after a failed listing").isZero();
            assertThat(millis).as("within the call timeout").isLessThan(CALL_TIMEOUT_MILLIS + 1_000);
            assertThat(day.reports.find(KEY)).as("no report published").isEmpty();
            assertThat(day.ledger.completion(day.job.name(), ReconcileSamples.DAY)).as("the date stays open").isEmpty();
            String cause = thrown.getCause().getClass().getSimpleName();
            FaultLog.record(id, fault + ": the run failed with InfrastructureException after " + proxy.count("LIST")
                    + " ListObjectsV2 attempts in " + millis + " ms (call timeout " + CALL_TIMEOUT_MILLIS + " ms; cause " + cause
                    + "); no report published, date left open for the next run.");
        }
    }
}
