package io.settlekit.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.settlekit.base.InfrastructureException;
import io.settlekit.base.ProviderException;
import io.settlekit.base.SettlekitException;
import io.settlekit.billing.reminder.ReminderNotifier;
import io.settlekit.testkit.contract.ReminderNotifierContract;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The webhook notifier against a local HTTP server: the JSON it posts, and each kind of failure. */
class WebhookNotifierIT extends ReminderNotifierContract {
    private static HttpServer server;
    private static ExecutorService executor;
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static volatile String mode = "ok";

    private record Received(JsonObject body, String idempotencyKey, String authorization) {
    }

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/push", WebhookNotifierIT::handle);
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String answer = "{\"errcode\":0,\"errmsg\":\"ok\"}";
        int status = 200;
        switch (mode) {
            case "500" -> {
                status = 500;
                answer = "internal error for +8613800138000";
            }
            case "wechat-error" -> answer = "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}";
            case "slow" -> {
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            default -> RECEIVED.add(new Received(JsonParser.parseString(body).getAsJsonObject(),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"), exchange.getRequestHeaders().getFirst("Authorization")));
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("X-Request-Id", "push-" + RECEIVED.size() + "-" + mode);
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException clientGone) {
            // the client gave up (the timeout case)
        }
    }

    private static URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/push");
    }

    private static WebhookNotifier notifier(Duration timeout) {
        return new WebhookNotifier(HttpClient.newHttpClient(),
                new WebhookSettings(url(), timeout, Map.of("Authorization", "Bearer s3cr3t-token")));
    }

    @Override
    protected ReminderNotifier newNotifier() {
        RECEIVED.clear();
        mode = "ok";
        return notifier(Duration.ofSeconds(5));
    }

    @Override
    protected int deliveries() {
        return RECEIVED.size();
    }

    @Override
    protected void failChannel() {
        mode = "500";
    }

    @Test
    void postsTheReminderAsJsonWithAnIdempotencyKey() {
        ReminderNotifier notifier = newNotifier();

        String reference = notifier.send(message("1001", 27_550));

        assertThat(reference).isEqualTo("push-1-ok");
        Received received = RECEIVED.get(0);
        assertThat(received.idempotencyKey()).isEqualTo("1001/2017-09-05/2017-10-08");
        assertThat(received.authorization()).isEqualTo("Bearer s3cr3t-token");
        JsonObject body = received.body();
        assertThat(body.get("merchant_id").getAsString()).isEqualTo("1001");
        assertThat(body.get("merchant_name").getAsString()).isEqualTo("鲜果坊");
        assertThat(body.get("amount_due").getAsLong()).isEqualTo(27_550);
        assertThat(body.get("fee_type").getAsString()).isEqualTo("CNY");
        assertThat(body.get("deadline").getAsString()).isEqualTo("2017-10-10");
        assertThat(body.get("period_begin").getAsString()).isEqualTo("2017-09-05");
        assertThat(body.get("text").getAsString()).contains("275.50");
        assertThat(body.getAsJsonObject("params").get("amount_due").getAsString()).isEqualTo("275.50");
        assertThat(body.toString()).as("the phone number stays with the host").doesNotContain("13800138000");
    }

    @Test
    void anErrorStatusIsAProviderErrorWithTheRequestIdAndNoPhoneNumber() {
        ReminderNotifier notifier = newNotifier();
        mode = "500";

        assertThatThrownBy(() -> notifier.send(message("1001", 100)))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.provider()).isEqualTo("webhook");
                    assertThat(e.providerCode()).isEqualTo("HTTP 500");
                    assertThat(e.requestId()).contains("push-0-500");
                    assertThat(e.getMessage()).doesNotContain("13800138000");
                });
    }

    @Test
    void aWeChatErrcodeInAnOkAnswerIsAProviderError() {
        ReminderNotifier notifier = newNotifier();
        mode = "wechat-error";

        assertThatThrownBy(() -> notifier.send(message("1001", 100)))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.providerCode()).isEqualTo("93000"));
    }

    @Test
    void noAnswerInTimeIsAnUnknownOutcomeThatTheWebhookCannotCheck() {
        newNotifier();
        mode = "slow";

        assertThat(notifier(Duration.ofMillis(300)).check(message("1001", 100), java.time.Instant.now()).verdict())
                .isEqualTo(io.settlekit.billing.reminder.SendCheck.Verdict.UNKNOWN);
        assertThatThrownBy(() -> notifier(Duration.ofMillis(300)).send(message("1001", 100)))
                .isInstanceOfSatisfying(io.settlekit.billing.reminder.SendOutcomeUnknownException.class, e -> {
                    assertThat(e.getMessage()).contains("did not answer within PT0.3S");
                    assertThat(e.getCause()).isNotNull();
                });
    }

    @Test
    void anUnreachableHostIsAnInfrastructureError() throws IOException {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        WebhookNotifier nowhere = new WebhookNotifier(HttpClient.newHttpClient(),
                WebhookSettings.of(URI.create("http://127.0.0.1:" + closedPort + "/push")));

        assertThatThrownBy(() -> nowhere.send(message("1001", 100)))
                .isInstanceOfSatisfying(InfrastructureException.class, e -> assertThat(e.getMessage()).contains("could not be reached"))
                .isNotInstanceOf(io.settlekit.billing.reminder.SendOutcomeUnknownException.class);
    }

    @Test
    void settingsAreValidatedAndNeverShowHeaderValues() {
        WebhookSettings settings = new WebhookSettings(url(), Duration.ofSeconds(2), Map.of("Authorization", "Bearer s3cr3t-token"));

        assertThat(settings.toString()).contains("Authorization").doesNotContain("s3cr3t");
        assertThatThrownBy(() -> WebhookSettings.of(URI.create("ftp://example.com/x")))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.field()).contains("url"));
        assertThatThrownBy(() -> new WebhookSettings(url(), Duration.ZERO, Map.of()))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.field()).contains("timeout"));
    }
}
