package io.settlekit.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.sms.v20210111.SmsClient;
import io.settlekit.base.InfrastructureException;
import io.settlekit.base.ProviderException;
import io.settlekit.Settlekit;
import io.settlekit.base.SettlekitException;
import io.settlekit.access.Actor;
import io.settlekit.money.Amount;
import io.settlekit.billing.Cycle;
import io.settlekit.billing.LedgerOrder;
import io.settlekit.billing.MerchantAccount;
import io.settlekit.billing.Plan;
import io.settlekit.billing.reminder.ReminderMessage;
import io.settlekit.billing.reminder.ReminderRunReport;
import io.settlekit.billing.reminder.ReminderTemplate;
import io.settlekit.billing.SettleRemind;
import io.settlekit.billing.memory.InMemoryMerchantLedger;
import io.settlekit.billing.reminder.ReminderNotifier;
import io.settlekit.billing.reminder.SendCheck;
import io.settlekit.billing.reminder.SendOutcomeUnknownException;
import io.settlekit.testkit.contract.ReminderNotifierContract;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Tencent Cloud SMS notifier against a local server that verifies the TC3-HMAC-SHA256 signature of
 * every request and answers success, provider errors, or nothing in time.
 */
class TencentSmsNotifierIT extends ReminderNotifierContract {
    private static final String SECRET_ID = "AKIDsettlekitTEST";
    private static final String SECRET_KEY = "settlekit-test-secret-key";
    private static final TencentSmsSettings SETTINGS = new TencentSmsSettings("1400006666", "观麦科技", "449739",
            List.of("merchant", "period_begin", "period_end", "amount_due", "deadline"));

    private static FakeTencentSms server;

    @BeforeAll
    static void startServer() throws IOException {
        server = new FakeTencentSms(SECRET_ID, SECRET_KEY);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static SmsClient client(String secretKey, Duration timeout) {
        HttpProfile http = new HttpProfile();
        http.setEndpoint(server.endpoint());
        http.setProtocol(HttpProfile.REQ_HTTP);
        return TencentSmsNotifier.newClient(new Credential(SECRET_ID, secretKey), "ap-guangzhou", timeout, http);
    }

    @Override
    protected ReminderNotifier newNotifier() {
        server.accepted().clear();
        server.signatureFailures().clear();
        server.statusQueries().clear();
        server.answer(FakeTencentSms.Mode.SUCCESS);
        return new TencentSmsNotifier(client(SECRET_KEY, Duration.ofSeconds(5)), SETTINGS);
    }

    @Override
    protected int deliveries() {
        return server.accepted().size();
    }

    @Override
    protected void failChannel() {
        server.answer(FakeTencentSms.Mode.PROVIDER_ERROR);
    }

    @Test
    void sendsASignedRequestWithTheTemplateParametersInOrder() {
        ReminderNotifier notifier = newNotifier();

        String serial = notifier.send(message("1001", 27_550));

        assertThat(server.signatureFailures()).isEmpty();
        assertThat(serial).startsWith("2645:");
        JsonObject request = server.accepted().get(0);
        assertThat(request.get("SmsSdkAppId").getAsString()).isEqualTo("1400006666");
        assertThat(request.get("SignName").getAsString()).isEqualTo("观麦科技");
        assertThat(request.get("TemplateId").getAsString()).isEqualTo("449739");
        assertThat(request.getAsJsonArray("PhoneNumberSet")).hasSize(1);
        assertThat(request.getAsJsonArray("PhoneNumberSet").get(0).getAsString()).isEqualTo("+8613800138000");
        assertThat(request.getAsJsonArray("TemplateParamSet")).extracting(e -> e.getAsString())
                .containsExactly("鲜果坊", "2017-09-05", "2017-10-04", "275.50", "2017-10-10");
        assertThat(request.get("SessionContext").getAsString()).isEqualTo("1001/2017-09-05/2017-10-08");
    }

    @Test
    void aRequestSignedWithTheWrongKeyIsRefusedByTheServer() {
        newNotifier();
        TencentSmsNotifier forged = new TencentSmsNotifier(client("not-the-secret-key", Duration.ofSeconds(5)), SETTINGS);

        assertThatThrownBy(() -> forged.send(message("1001", 100)))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.providerCode()).isEqualTo("AuthFailure.SignatureFailure");
                    assertThat(e.getMessage()).doesNotContain("not-the-secret-key");
                });
        assertThat(server.signatureFailures()).containsExactly("signature mismatch");
        assertThat(deliveries()).isZero();
    }

    @Test
    void aProviderErrorKeepsTencentsCodeAndRequestId() {
        ReminderNotifier notifier = newNotifier();
        server.answer(FakeTencentSms.Mode.PROVIDER_ERROR);

        assertThatThrownBy(() -> notifier.send(message("1001", 100)))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.code()).isEqualTo("provider_error");
                    assertThat(e.provider()).isEqualTo("tencent-sms");
                    assertThat(e.providerCode()).isEqualTo("FailedOperation.InsufficientBalanceInSmsPackage");
                    assertThat(e.requestId()).hasValueSatisfying(id -> assertThat(id).startsWith("req-"));
                    assertThat(e.getMessage()).contains("FailedOperation.InsufficientBalanceInSmsPackage").contains(e.requestId().get());
                });
    }

    @Test
    void aRefusedNumberIsAProviderErrorThatDoesNotShowTheNumber() {
        ReminderNotifier notifier = newNotifier();
        server.answer(FakeTencentSms.Mode.NUMBER_ERROR);

        assertThatThrownBy(() -> notifier.send(message("1001", 100)))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.providerCode()).isEqualTo("LimitExceeded.PhoneNumberDailyLimit");
                    assertThat(e.requestId()).isPresent();
                    assertThat(e.getMessage()).doesNotContain("13800138000").contains("+86138****8000");
                });
    }

    @Test
    void noAnswerInTimeIsAnUnknownOutcome() {
        newNotifier();
        server.answer(FakeTencentSms.Mode.SLOW);
        TencentSmsNotifier impatient = new TencentSmsNotifier(client(SECRET_KEY, Duration.ofSeconds(1)), SETTINGS);
        long start = System.nanoTime();

        assertThatThrownBy(() -> impatient.send(message("1001", 100)))
                .isInstanceOfSatisfying(SendOutcomeUnknownException.class, e -> {
                    assertThat(e.code()).isEqualTo("infrastructure");
                    assertThat(e.getMessage()).contains("did not answer").contains("outcome unknown").contains("SocketTimeoutException");
                    assertThat(e.getCause()).isNotNull();
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_900));
    }

    @Test
    void aRefusedConnectionIsDefinitelyNotSent() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HttpProfile http = new HttpProfile();
        http.setEndpoint("127.0.0.1:" + closedPort);
        http.setProtocol(HttpProfile.REQ_HTTP);
        TencentSmsNotifier nowhere = new TencentSmsNotifier(
                TencentSmsNotifier.newClient(new Credential(SECRET_ID, SECRET_KEY), "ap-guangzhou", Duration.ofSeconds(1), http), SETTINGS);

        assertThatThrownBy(() -> nowhere.send(message("1001", 100)))
                .isInstanceOf(InfrastructureException.class)
                .isNotInstanceOf(SendOutcomeUnknownException.class)
                .hasMessageContaining("not sent")
                .hasMessageContaining("ConnectException");
    }

    @Test
    void anUnansweredSendThatTencentAcceptedIsFoundByItsSessionContext() {
        newNotifier();
        server.answer(FakeTencentSms.Mode.SLOW_ACCEPTED);
        Instant attempted = Instant.now();
        TencentSmsNotifier impatient = new TencentSmsNotifier(client(SECRET_KEY, Duration.ofSeconds(1)), SETTINGS,
                Clock.systemUTC(), Duration.ZERO);
        ReminderMessage message = message("1001", 100);
        assertThatThrownBy(() -> impatient.send(message)).isInstanceOf(SendOutcomeUnknownException.class);
        server.answer(FakeTencentSms.Mode.SUCCESS);
        impatient.send(ReminderMessage.render(ReminderTemplate.DEFAULT,
                new io.settlekit.billing.reminder.ReminderKey("1001", LocalDate.parse("2017-08-05"), LocalDate.parse("2017-09-08")),
                message.merchant(), message.period(), message.amountDue()));

        SendCheck check = impatient.check(message, attempted);

        assertThat(check.verdict()).isEqualTo(SendCheck.Verdict.DELIVERED);
        assertThat(check.reference()).hasValueSatisfying(serial -> assertThat(serial).startsWith("2645:"));
        assertThat(server.signatureFailures()).isEmpty();
        JsonObject query = server.statusQueries().get(0);
        assertThat(query.get("PhoneNumber").getAsString()).isEqualTo("+8613800138000");
        assertThat(query.get("SmsSdkAppId").getAsString()).isEqualTo("1400006666");
        assertThat(query.get("BeginTime").getAsLong()).isLessThanOrEqualTo(attempted.getEpochSecond());
        assertThat(query.get("EndTime").getAsLong()).isGreaterThanOrEqualTo(attempted.getEpochSecond());
        assertThat(check.toString()).doesNotContain("13800138000");
    }

    @Test
    void anUnansweredSendWithoutAStatusReportIsNotDeliveredOnlyAfterTheReceiptWait() {
        newNotifier();
        server.answer(FakeTencentSms.Mode.SLOW);
        Instant attempted = Instant.now();
        ReminderMessage message = message("1001", 100);
        TencentSmsNotifier patient = new TencentSmsNotifier(client(SECRET_KEY, Duration.ofSeconds(1)), SETTINGS,
                Clock.systemUTC(), Duration.ofHours(1));
        assertThatThrownBy(() -> patient.send(message)).isInstanceOf(SendOutcomeUnknownException.class);

        assertThat(patient.check(message, attempted).verdict()).as("a report may still come").isEqualTo(SendCheck.Verdict.UNKNOWN);
        Clock later = Clock.fixed(attempted.plus(Duration.ofMinutes(61)), ZoneId.of("UTC"));
        TencentSmsNotifier laterOn = new TencentSmsNotifier(client(SECRET_KEY, Duration.ofSeconds(1)), SETTINGS, later, Duration.ofHours(1));
        assertThat(laterOn.check(message, attempted).verdict()).isEqualTo(SendCheck.Verdict.NOT_DELIVERED);

        server.failStatusQueries(true);
        try {
            SendCheck failed = laterOn.check(message, attempted);
            assertThat(failed.verdict()).as("a failed query never allows a resend").isEqualTo(SendCheck.Verdict.UNKNOWN);
            assertThat(failed.detail()).contains("InternalError.Timeout");
        } finally {
            server.failStatusQueries(false);
        }
        assertThat(server.signatureFailures()).isEmpty();
        assertThat(deliveries()).isZero();
    }

    @Test
    void aMerchantWithoutAMobileNumberCannotBeTexted() {
        ReminderNotifier notifier = newNotifier();
        ReminderMessage base = message("1001", 100);
        MerchantAccount noPhone = new MerchantAccount("1001", "鲜果坊", "CNY", Optional.empty());
        ReminderMessage message = ReminderMessage.render(ReminderTemplate.DEFAULT, base.key(), noPhone, base.period(), Amount.ofMinor("CNY", 100));

        assertThatThrownBy(() -> notifier.send(message))
                .isInstanceOfSatisfying(SettlekitException.class, e -> {
                    assertThat(e.code()).isEqualTo("missing_field");
                    assertThat(e.field()).contains("phone");
                });
        assertThat(deliveries()).isZero();
    }

    @Test
    void theReminderJobSendsThroughTencentAndRecordsTheSerialNumbers() {
        ReminderNotifier sms = newNotifier();
        InMemoryMerchantLedger ledger = new InMemoryMerchantLedger()
                .put(new MerchantAccount("1001", "鲜果坊", "CNY", Optional.of("+8613800138000")))
                .record("1001", LedgerOrder.of("PL1", LocalDate.parse("2017-09-20"), "CNY", 27_550, 0, 10));
        Settlekit kit = Settlekit.embedded()
                .clock(Clock.fixed(Instant.parse("2017-10-08T01:00:00Z"), ZoneId.of("Asia/Shanghai")))
                .merchantLedger(ledger).reminderNotifier(sms).build();
        kit.billingPlans().save(Actor.admin("root"), "1001",
                new Plan(new Cycle.Monthly(5, 10), LocalDate.parse("2017-01-01"), SettleRemind.daysBefore(2)));

        ReminderRunReport first = kit.reminderJob().runToday();
        ReminderRunReport rerun = kit.reminderJob().runToday();

        assertThat(first.sent()).isEqualTo(1);
        assertThat(first.outcomes().get(0).detail()).startsWith("2645:");
        assertThat(rerun.skipped()).isEqualTo(1);
        assertThat(deliveries()).isEqualTo(1);
    }
}
