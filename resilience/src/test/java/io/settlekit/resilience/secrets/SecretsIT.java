package io.settlekit.resilience.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.settlekit.Settlekit;
import io.settlekit.files.afterpay.AfterpayCsvParser;
import io.settlekit.files.afterpay.AfterpayOptions;
import io.settlekit.files.paypal.PaypalStlParser;
import io.settlekit.money.Amount;
import io.settlekit.mysql.money.MysqlFeeRateStore;
import io.settlekit.reconcile.Channel;
import io.settlekit.reconcile.CredentialsRef;
import io.settlekit.reconcile.ProviderAccount;
import io.settlekit.reconcile.ReconcileOutcome;
import io.settlekit.reconcile.SettlementFeed;
import io.settlekit.reconcile.SettlementFeeds;
import io.settlekit.reconcile.Site;
import io.settlekit.reconcile.Sites;
import io.settlekit.reconcile.memory.InMemoryReceivables;
import io.settlekit.reconcile.memory.InMemorySettlementFiles;
import io.settlekit.reconcile.SettlementInput;
import io.settlekit.reconcile.SettlementParser;
import io.settlekit.redis.JedisDailyCounters;
import io.settlekit.refresh.CountingDay;
import io.settlekit.s3.S3AccountClients;
import io.settlekit.s3.S3Options;
import io.settlekit.s3.S3SettlementFiles;
import io.settlekit.billing.Cycle;
import io.settlekit.billing.Period;
import io.settlekit.billing.Plan;
import io.settlekit.billing.reminder.ReminderKey;
import io.settlekit.billing.reminder.ReminderMessage;
import io.settlekit.billing.reminder.ReminderTemplate;
import io.settlekit.billing.SettleRemind;
import io.settlekit.sms.TencentSmsNotifier;
import io.settlekit.sms.TencentSmsSettings;
import io.settlekit.sms.WebhookNotifier;
import io.settlekit.sms.WebhookSettings;
import io.settlekit.testkit.logs.SensitiveOutputGuard;
import io.settlekit.testkit.servers.LocalMysql;
import io.settlekit.testkit.servers.LocalRedis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import redis.clients.jedis.RedisClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * No secret, access key, phone number or full card/account number in any log line, exception (message,
 * stack trace, causes) or {@code toString()}. Each adapter's main paths run with planted sensitive values
 * and are driven into their errors (wrong credentials, provider errors, unreachable servers, malformed
 * settlement rows); every log line written meanwhile (slf4j-simple on standard error, and
 * java.util.logging), every exception and the {@code toString()} of every configuration object are
 * scanned for the planted values, whole and in part (see {@link LeakScanner}). The values are also
 * registered with the testkit's {@link SensitiveOutputGuard}, which scans the class's whole output again.
 */
class SecretsIT {
    static final String S3_ACCESS_KEY = "AKIAR7Q3ZX9SETTLEKW4";
    static final String S3_SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/r7s3SecretPlantedKeyQ";
    static final String TENCENT_SECRET_ID = "AKIDr7tcQ9x2Vb7Lm4Np0Zs8Kw3Jy6Hd";
    static final String TENCENT_SECRET_KEY = "tcKeyR7plantedXyZ0987uvwQ";
    static final String PHONE_1 = "+8613975318642";
    static final String PHONE_2 = "+8615802468135";
    static final String MYSQL_PASSWORD = "MyR7-pl4nted-pw!x";
    static final String REDIS_PASSWORD = "RedisR7pl4ntedPassw0rd";
    static final String WEBHOOK_PASSWORD = "hookR7userinfoPw55";
    static final String WEBHOOK_TOKEN = "tokR7queryTokenZZ88";
    static final String WEBHOOK_PATH_TOKEN = "pathR7segmentTokenKK42";
    static final String WEBHOOK_BEARER = "bearerR7headerQQ11";
    static final String CARD = "5425233430109903";
    static final String ACCOUNT = "6217002870009145672";

    private static final java.util.concurrent.atomic.AtomicLong TEXTS = new java.util.concurrent.atomic.AtomicLong();
    private static final java.util.concurrent.atomic.AtomicLong CHARACTERS = new java.util.concurrent.atomic.AtomicLong();

    /** One scanner per test (JUnit makes an instance per test), so that each test reports its own leaks. */
    private final LeakScanner scanner = new LeakScanner()
            .plant("S3 access key id", S3_ACCESS_KEY, 8)
            .plant("S3 secret key", S3_SECRET_KEY, 8)
            .plant("Tencent secret id", TENCENT_SECRET_ID, 8)
            .plant("Tencent secret key", TENCENT_SECRET_KEY, 8)
            // national numbers, 6 digits in a row: the accepted mask +86139****8642 shows at most 4
            .plant("phone 1", PHONE_1.substring(3), 6)
            .plant("phone 2", PHONE_2.substring(3), 6)
            .plant("MySQL password", MYSQL_PASSWORD, 8)
            .plant("Redis password", REDIS_PASSWORD, 8)
            .plant("webhook URL password", WEBHOOK_PASSWORD, 8)
            .plant("webhook URL token", WEBHOOK_TOKEN, 8)
            .plant("webhook URL path token", WEBHOOK_PATH_TOKEN, 8)
            .plant("webhook header", WEBHOOK_BEARER, 8)
            // 7 digits in a row: a card masked to its first six and last four shows at most 6
            .plant("card number", CARD, 7)
            .plant("account number", ACCOUNT, 7);

    private static FakeProviders providers;

    @TempDir
    Path reports;

    @BeforeAll
    static void start() throws IOException {
        providers = new FakeProviders();
        for (String value : List.of(S3_ACCESS_KEY, S3_SECRET_KEY, TENCENT_SECRET_ID, TENCENT_SECRET_KEY, PHONE_1, PHONE_2,
                MYSQL_PASSWORD, REDIS_PASSWORD, WEBHOOK_PASSWORD, WEBHOOK_TOKEN, WEBHOOK_PATH_TOKEN, WEBHOOK_BEARER, CARD, ACCOUNT)) {
            SensitiveOutputGuard.register(value);
        }
    }

    @AfterAll
    static void stop() {
        providers.close();
        org.slf4j.LoggerFactory.getLogger(SecretsIT.class).info("{} texts (log captures, exception stack traces, toString()s) of {} "
                + "characters scanned for 14 planted values", TEXTS, CHARACTERS);
    }

    @Test
    @Timeout(60)
    void s3WithWrongCredentials() {
        ProviderAccount account = new ProviderAccount(Channel.PAYPAL, "paypal-fr", "settlekit-r7", "us-east-1", new CredentialsRef("paypal-fr-s3"));
        S3Options options = S3Options.compatible(URI.create(providers.url()));
        try (CapturedOutput logs = new CapturedOutput();
             S3AccountClients clients = new S3AccountClients(
                     ref -> StaticCredentialsProvider.create(AwsBasicCredentials.create(S3_ACCESS_KEY, S3_SECRET_KEY)), options)) {
            S3SettlementFiles files = new S3SettlementFiles(clients);
            scanThrown("S3 list", () -> files.list(account, "STL-"));
            scanThrown("S3 open", () -> files.open(account, "STL-20250314.01.009.CSV"));
            // the daily reconciliation reading its files from S3
            Site site = Sites.sample().named("fr-cupshe");
            Settlekit kit = Settlekit.embedded()
                    .settlementFeeds(SettlementFeeds.sample())
                    .settlementFiles(files)
                    .settlementParser(Channel.PAYPAL, new PaypalStlParser())
                    .receivables(new InMemoryReceivables())
                    .build();
            scanOutcome("S3 reconciliation", () -> kit.dailyReconciliation().run(Channel.PAYPAL, site, LocalDate.of(2025, 3, 14)));
            scanToString(account, account.credentials(), options, clients, files);
            scanner.scan("S3 logs", logs.text());
        }
        assertThat(providers.authorizations).as("the fake S3 saw the planted access key").anyMatch(h -> h.contains(S3_ACCESS_KEY));
        assertNoLeak();
    }

    @Test
    @Timeout(60)
    void tencentSmsWithWrongSecretsAndBadNumbers() throws IOException {
        TencentSmsSettings settings = new TencentSmsSettings("1400006666", "观麦科技", "449739",
                List.of("merchant", "period_begin", "period_end", "amount_due", "deadline"));
        try (CapturedOutput logs = new CapturedOutput()) {
            HttpProfile http = new HttpProfile();
            http.setEndpoint(providers.hostPort() + "/tencent");
            http.setProtocol(HttpProfile.REQ_HTTP);
            TencentSmsNotifier notifier = new TencentSmsNotifier(
                    TencentSmsNotifier.newClient(new Credential(TENCENT_SECRET_ID, TENCENT_SECRET_KEY), "ap-guangzhou", Duration.ofSeconds(5), http),
                    settings);
            ReminderMessage first = message("1001", PHONE_1);
            ReminderMessage second = message("1002", PHONE_2);
            scanThrown("Tencent auth failure", () -> notifier.send(first));
            scanThrown("Tencent number refused", () -> notifier.send(second));
            HttpProfile nowhere = new HttpProfile();
            nowhere.setEndpoint("127.0.0.1:" + closedPort());
            nowhere.setProtocol(HttpProfile.REQ_HTTP);
            TencentSmsNotifier unreachable = new TencentSmsNotifier(
                    TencentSmsNotifier.newClient(new Credential(TENCENT_SECRET_ID, TENCENT_SECRET_KEY), "ap-guangzhou", Duration.ofSeconds(2), nowhere),
                    settings);
            scanThrown("Tencent unreachable", () -> unreachable.send(first));
            scanToString(settings, first, second, first.merchant(), second.merchant(), notifier);
            scanner.scan("Tencent SMS logs", logs.text());
        }
        assertThat(providers.authorizations).as("the fake Tencent Cloud saw the planted secret id").anyMatch(h -> h.contains(TENCENT_SECRET_ID));
        assertNoLeak();
    }

    @Test
    @Timeout(60)
    void webhookWithCredentialsInItsUrlAndHeaders() {
        URI withUserInfo = URI.create("http://r7hook:" + WEBHOOK_PASSWORD + "@" + providers.hostPort() + "/hook");
        // a token as a path segment (a common style) and another in the query
        URI url = URI.create(providers.url() + "/hook/" + WEBHOOK_PATH_TOKEN + "?token=" + WEBHOOK_TOKEN);
        WebhookSettings settings = new WebhookSettings(url, Duration.ofSeconds(5), Map.of("Authorization", "Bearer " + WEBHOOK_BEARER));
        try (CapturedOutput logs = new CapturedOutput()) {
            // user info in the URL is refused (the HTTP client would never send it, and it would show wherever the URL is printed)
            scanThrown("webhook URL with user info", () -> WebhookSettings.of(withUserInfo));
            WebhookNotifier notifier = new WebhookNotifier(HttpClient.newHttpClient(), settings);
            scanThrown("webhook refused", () -> notifier.send(message("1003", PHONE_1)));
            scanToString(settings, notifier);
            scanner.scan("webhook logs", logs.text());
        }
        assertThat(providers.authorizations).as("the fake webhook saw the planted header").anyMatch(h -> h.contains(WEBHOOK_BEARER));
        assertNoLeak();
    }

    @Test
    @Timeout(60)
    void mysqlWithThePasswordInTheJdbcUrl() throws IOException {
        try (java.net.Socket probe = new java.net.Socket("127.0.0.1", 3306)) {
            assertThat(probe.isConnected()).isTrue();
        } catch (IOException down) {
            throw new AssertionError("MariaDB is not listening on 127.0.0.1:3306: " + LocalMysql.HOW_TO_START, down);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:mysql://127.0.0.1:3306/settlekit_r7_nowhere?user=settlekit_r7_nobody&password="
                + MYSQL_PASSWORD + "&connectTimeout=2000");
        config.setPoolName("settlekit-r7-secrets");
        config.setConnectionTimeout(5_000); // long enough for a loaded machine to hear the refusal
        config.setInitializationFailTimeout(-1);
        try (CapturedOutput logs = new CapturedOutput(); HikariDataSource dataSource = new HikariDataSource(config)) {
            MysqlFeeRateStore rates = new MysqlFeeRateStore(dataSource, ZoneId.of("Asia/Shanghai"));
            Throwable refused = scanThrown("MySQL wrong password", () -> rates.ratesAt("T1", Instant.parse("2026-11-21T02:00:00Z")));
            assertThat(CapturedOutput.stackTrace(refused)).as("the server refused the planted credentials").contains("Access denied");
            scanToString(rates, dataSource);
            scanner.scan("MySQL logs", logs.text());
        }
        assertNoLeak();
    }

    @Test
    @Timeout(60)
    void redisWithAWrongPassword() {
        LocalRedis redis = LocalRedis.check();
        // a user that does not exist: the default user of a password-less server accepts any password
        URI uri = URI.create("redis://r7nobody:" + REDIS_PASSWORD + "@" + redis.host() + ":" + redis.port());
        try (CapturedOutput logs = new CapturedOutput()) {
            Throwable refused = scanThrown("Redis wrong password", () -> {
                try (RedisClient client = RedisClient.builder().fromURI(uri).build()) {
                    JedisDailyCounters counters = new JedisDailyCounters(client, LocalRedis.keyPrefix("secrets"), Duration.ofMinutes(5));
                    scanToString(counters);
                    counters.take("refresh:balance_refresh:u1", List.of(CountingDay.of(LocalDate.of(2026, 11, 21), ZoneOffset.ofHours(8))), 1,
                            Instant.parse("2026-11-21T02:00:00Z"));
                }
            });
            assertThat(CapturedOutput.stackTrace(refused)).as("the server refused the planted password").containsIgnoringCase("auth");
            scanner.scan("Redis logs", logs.text());
        }
        assertNoLeak();
    }

    @Test
    @Timeout(60)
    void settlementFilesWithCardAndAccountNumbersInMalformedRows() throws IOException {
        String stl = sample("STL-20250314.01.009.CSV");
        String firstRow = stl.lines().toList().get(4);
        String cardAsCurrency = stl.replace(firstRow, firstRow.replace("8990,\"USD\"", "8990,\"" + CARD + "\""));
        String accountAsDate = stl.replace(firstRow, firstRow.replace("2025/03/14 00:14:22 -0700", ACCOUNT));
        String afterpay = sample("afterpay-settlement-20250314-AU-synthetic.csv");
        String afterpayRow = afterpay.lines().toList().get(1);
        String cardAsDate = afterpay.replace(afterpayRow, afterpayRow.replace("\"14/03/2025\"", "\"" + CARD + "\""));
        String accountAsAmount = afterpay.replace(afterpayRow, afterpayRow.replace("\"$79.95\"", "\"$" + ACCOUNT + "x\""));
        assertThat(List.of(cardAsCurrency, accountAsDate, cardAsDate, accountAsAmount)).allMatch(t -> t.contains(CARD) || t.contains(ACCOUNT));
        try (CapturedOutput logs = new CapturedOutput()) {
            PaypalStlParser paypal = new PaypalStlParser();
            AfterpayCsvParser afterpayParser = new AfterpayCsvParser(AfterpayOptions.australia());
            scanThrown("PayPal card as currency", () -> parse(paypal, "STL-20250314.01.009.CSV", cardAsCurrency));
            scanThrown("PayPal account as date", () -> parse(paypal, "STL-20250314.01.009.CSV", accountAsDate));
            scanThrown("Afterpay card as date", () -> parse(afterpayParser, "afterpay-settlement-20250314-AU-synthetic.csv", cardAsDate));
            scanThrown("Afterpay account as amount", () -> parse(afterpayParser, "afterpay-settlement-20250314-AU-synthetic.csv", accountAsAmount));
            scanOutcome("PayPal reconciliation", () -> reconcile(Channel.PAYPAL, "fr-cupshe", "STL-20250314.01.009.CSV", cardAsCurrency));
            scanOutcome("Afterpay reconciliation", () -> reconcile(Channel.AFTERPAY, "au-cupshe", "afterpay-settlement-20250314-AU-synthetic.csv", cardAsDate));
            scanner.scan("settlement file logs", logs.text());
        }
        assertNoLeak();
    }

    @Test
    void theScannerCatchesWholeAndPartialValuesAndTheAcceptedMasksPass() {
        assertThat(scanner.findingsIn("probe", "to " + PHONE_1)).hasSize(1);
        assertThat(scanner.findingsIn("probe", "to 861397531")).hasSize(1);
        assertThat(scanner.findingsIn("probe", "key " + S3_SECRET_KEY.substring(10, 18))).hasSize(1);
        assertThat(scanner.findingsIn("probe", "card 5425233430")).hasSize(1);
        assertThat(scanner.findingsIn("probe", "to +86139****8642, card 542523******9903, AKIA…SW4, AuthFailure.SecretIdNotFound")).isEmpty();
    }

    /** Runs {@code call}, which must fail, and scans the failure as a log would print it. */
    private Throwable scanThrown(String source, ThrowingRunnable call) {
        try {
            call.run();
        } catch (Throwable failure) {
            scanner.scan(source + " exception", CapturedOutput.stackTrace(failure) + "\n" + failure);
            return failure;
        }
        throw new AssertionError(source + " did not fail: the planted values were not put to the test");
    }

    /** Runs a reconciliation: its outcome (or failure) is scanned. */
    private void scanOutcome(String source, java.util.function.Supplier<ReconcileOutcome> run) {
        try {
            ReconcileOutcome outcome = run.get();
            scanner.scan(source + " outcome", String.valueOf(outcome));
            if (outcome instanceof ReconcileOutcome.Rejected rejected) {
                scanner.scan(source + " exception", CapturedOutput.stackTrace(rejected.error()));
            }
        } catch (RuntimeException failure) {
            scanner.scan(source + " exception", CapturedOutput.stackTrace(failure));
        }
    }

    private void scanToString(Object... configuration) {
        for (Object object : configuration) {
            scanner.scan("toString of " + object.getClass().getSimpleName(), String.valueOf(object));
        }
    }

    private void assertNoLeak() {
        TEXTS.addAndGet(scanner.texts());
        CHARACTERS.addAndGet(scanner.characters());
        assertThat(scanner.findings()).as("planted values found (" + scanner.texts() + " texts, " + scanner.characters()
                + " characters scanned for " + scanner.plantedValues() + " planted values)").isEmpty();
    }

    private static ReminderMessage message(String merchantId, String phone) {
        Plan plan = new Plan(new Cycle.Monthly(5, 10), LocalDate.parse("2017-01-01"), SettleRemind.daysBefore(2));
        Period period = new Period(LocalDate.parse("2017-09-05"), LocalDate.parse("2017-10-04"), LocalDate.parse("2017-10-10"), plan);
        io.settlekit.billing.MerchantAccount merchant = new io.settlekit.billing.MerchantAccount(merchantId, "鲜果坊", "CNY", Optional.of(phone));
        return ReminderMessage.render(ReminderTemplate.DEFAULT, new ReminderKey(merchantId, period.begin(), LocalDate.parse("2017-10-08")),
                merchant, period, Amount.ofMinor("CNY", 12_345));
    }

    private ReconcileOutcome reconcile(Channel channel, String siteName, String file, String content) {
        Site site = Sites.sample().named(siteName);
        SettlementFeed feed = SettlementFeeds.sample().find(channel, site).orElseThrow();
        Settlekit kit = Settlekit.embedded()
                .settlementFeeds(SettlementFeeds.sample())
                .settlementFiles(new InMemorySettlementFiles().put(feed.account(), file, content.getBytes(StandardCharsets.UTF_8)))
                .settlementParser(Channel.PAYPAL, new PaypalStlParser())
                .settlementParser(Channel.AFTERPAY, new AfterpayCsvParser(AfterpayOptions.australia()))
                .receivables(new InMemoryReceivables())
                .reconciliationReports(new io.settlekit.files.report.DirectoryReconciliationReports(reports,
                        io.settlekit.files.report.ReportFormat.JSON_LINES))
                .build();
        return kit.dailyReconciliation().run(channel, site, LocalDate.of(2025, 3, 14));
    }

    private static void parse(SettlementParser parser, String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        parser.parse(List.of(new SettlementInput(name, () -> new ByteArrayInputStream(bytes))), line -> { });
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = SecretsIT.class.getResourceAsStream("/io/settlekit/examples/samples/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
