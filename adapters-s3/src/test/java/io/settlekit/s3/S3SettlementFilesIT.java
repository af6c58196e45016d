package io.settlekit.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.InfrastructureException;
import io.settlekit.reconcile.Channel;
import io.settlekit.reconcile.CredentialsRef;
import io.settlekit.reconcile.ProviderAccount;
import io.settlekit.reconcile.SettlementFiles;
import io.settlekit.testkit.contract.SettlementFilesContract;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.gaul.s3proxy.junit.S3ProxyJunitCore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 settlement files pass the contract against an embedded S3-compatible server (s3proxy, transient
 * blob store), and every request the adapter sends is recorded by an execution interceptor on the
 * host's client: only lists and reads, ever.
 */
class S3SettlementFilesIT extends SettlementFilesContract {
    private static final String ACCESS_KEY = "settlekit-it";
    private static final String SECRET_KEY = "settlekit-it-secret-key";
    private static final List<String> ADAPTER_REQUESTS = Collections.synchronizedList(new ArrayList<>());

    private static S3ProxyJunitCore server;
    private static S3Client seeding;
    private static S3Client hostClient;

    /** Records the class of every request the adapter sends through the host's client. */
    static final class RecordingInterceptor implements ExecutionInterceptor {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            ADAPTER_REQUESTS.add(context.request().getClass().getSimpleName());
        }
    }

    @BeforeAll
    static void startServer() throws Exception {
        server = new S3ProxyJunitCore.Builder().withCredentials(ACCESS_KEY, SECRET_KEY).withBlobStoreProvider("transient").build();
        server.beforeEach();
        seeding = client(false);
        hostClient = client(true);
        seeding.createBucket(b -> b.bucket(ACCOUNT.bucket()));
    }

    @AfterAll
    static void stopServerAndCheckTheAdapterOnlyRead() {
        try {
            assertThat(ADAPTER_REQUESTS).isNotEmpty();
            assertThat(ADAPTER_REQUESTS).allMatch(name -> name.equals("ListObjectsV2Request") || name.equals("GetObjectRequest"),
                    "only ListObjectsV2 and GetObject");
        } finally {
            hostClient.close();
            seeding.close();
            server.afterEach();
        }
    }

    private static S3Client client(boolean recorded) {
        return S3Client.builder()
                .endpointOverride(server.getUri())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(credentials())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(c -> {
                    if (recorded) {
                        c.addExecutionInterceptor(new RecordingInterceptor());
                    }
                })
                .build();
    }

    private static AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }

    @Override
    protected SettlementFiles filesWith(Map<ProviderAccount, Map<String, byte[]>> files) {
        List<S3Object> existing = seeding.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(ACCOUNT.bucket()).build())
                .contents().stream().toList();
        existing.forEach(object -> seeding.deleteObject(d -> d.bucket(ACCOUNT.bucket()).key(object.key())));
        files.forEach((account, named) -> named.forEach((name, content) ->
                seeding.putObject(p -> p.bucket(account.bucket()).key(account.folder() + name), RequestBody.fromBytes(content))));
        return new S3SettlementFiles(hostClient);
    }

    @Test
    void listingMoreThanAThousandFollowsEveryPage() {
        java.util.TreeMap<String, byte[]> many = new java.util.TreeMap<>();
        for (int i = 0; i < 1001; i++) {
            many.put(String.format("STL-20250314.%04d.009.CSV", i), new byte[] {'x'});
        }
        SettlementFiles files = filesWith(Map.of(ACCOUNT, many));
        int before = count("ListObjectsV2Request");

        assertThat(files.list(ACCOUNT, "STL-20250314")).hasSize(1001);
        assertThat(count("ListObjectsV2Request") - before).as("pages requested").isEqualTo(2);
    }

    @Test
    void objectsInDeeperFoldersAreNotTheAccountsFiles() {
        SettlementFiles files = filesWith(Map.of(ACCOUNT, Map.of("a.csv", new byte[] {1}, "archive/a.csv", new byte[] {2})));

        assertThat(files.list(ACCOUNT, "")).extracting(f -> f.name()).containsExactly("a.csv");
    }

    @Test
    void aMissingBucketIsAnInfrastructureErrorNamingItWithoutCredentials() {
        ProviderAccount elsewhere = new ProviderAccount(Channel.PAYPAL, "acct", "no-such-bucket", "us-east-1", new CredentialsRef("x"));
        SettlementFiles files = filesWith(Map.of());

        assertThatThrownBy(() -> files.list(elsewhere, "STL-"))
                .isInstanceOfSatisfying(InfrastructureException.class, e -> {
                    assertThat(e.getMessage()).contains("s3://no-such-bucket/acct/STL-").doesNotContain(SECRET_KEY);
                    assertThat(e.getCause()).isNotNull();
                });
    }

    @Test
    void clientsBuiltFromAccountsUseTheHostsCredentialsAndRefuseWrites() throws IOException {
        filesWith(Map.of(ACCOUNT, Map.of("STL-20250314.01.009.CSV", "content".getBytes(StandardCharsets.UTF_8))));
        List<String> resolved = new ArrayList<>();
        try (S3AccountClients clients = new S3AccountClients(ref -> {
            resolved.add(ref.name());
            return credentials();
        }, S3Options.compatible(server.getUri()))) {
            SettlementFiles files = new S3SettlementFiles(clients);

            try (InputStream in = files.open(ACCOUNT, "STL-20250314.01.009.CSV").orElseThrow()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("content");
            }
            assertThat(files.list(ACCOUNT, "STL-")).hasSize(1);
            assertThat(resolved).containsExactly("settlement/afterpay-au");

            S3Client built = clients.clientFor(ACCOUNT);
            assertThatThrownBy(() -> built.putObject(p -> p.bucket(ACCOUNT.bucket()).key("100900/planted.csv"), RequestBody.fromString("x")))
                    .hasMessageContaining("read only");
            assertThatThrownBy(() -> built.deleteObject(d -> d.bucket(ACCOUNT.bucket()).key("100900/STL-20250314.01.009.CSV")))
                    .hasMessageContaining("read only");
        }
        assertThatThrownBy(() -> seeding.getObject(g -> g.bucket(ACCOUNT.bucket()).key("100900/planted.csv")))
                .isInstanceOf(NoSuchKeyException.class);
        assertThat(seeding.getObjectAsBytes(g -> g.bucket(ACCOUNT.bucket()).key("100900/STL-20250314.01.009.CSV")).asUtf8String())
                .isEqualTo("content");
    }

    @Test
    void optionsRejectEndpointsCarryingCredentials() {
        assertThatThrownBy(() -> S3Options.compatible(URI.create("http://user:" + SECRET_KEY + "@127.0.0.1:9000")))
                .hasMessageNotContaining(SECRET_KEY)
                .hasMessageContaining("endpoint");
    }

    private static int count(String request) {
        synchronized (ADAPTER_REQUESTS) {
            return (int) ADAPTER_REQUESTS.stream().filter(request::equals).count();
        }
    }
}
