package io.settlekit.sms;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import io.settlekit.base.InfrastructureException;
import io.settlekit.base.ProviderException;
import io.settlekit.internal.Redact;
import io.settlekit.billing.reminder.ReminderKey;
import io.settlekit.billing.reminder.ReminderMessage;
import io.settlekit.billing.reminder.ReminderNotifier;
import io.settlekit.billing.reminder.SendOutcomeUnknownException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends settlement reminders as a JSON POST to the host's push service (WeChat-style template messages),
 * with {@link java.net.http.HttpClient}. The body:
 *
 * <pre>{@code
 * {"merchant_id":"1001","merchant_name":"鲜果坊","reminder_date":"2017-10-08","period_begin":"2017-09-05",
 *  "period_end":"2017-10-04","deadline":"2017-10-10","amount_due":27550,"fee_type":"CNY",
 *  "text":"【结算提醒】…","params":{"merchant":"鲜果坊",…}}
 * }</pre>
 *
 * with an {@code Idempotency-Key} header {@code merchant/period/date} so that the receiver can drop a
 * duplicate. A 2xx answer is a send, its reference the {@code X-Request-Id} header (else the key); a 2xx
 * answer whose JSON carries a non-zero {@code errcode} (WeChat's convention) and any other status are
 * {@link ProviderException}s; a host that cannot be reached (refused connection, connect timeout) is an
 * {@link InfrastructureException} ("not sent"); a request without an answer in time, or cut mid-call, is a
 * {@link SendOutcomeUnknownException}. The push service offers no status query,
 * so {@link #check} cannot tell: an unknown send is left to an operator, never resent by the reminder job
 * (the {@code Idempotency-Key} would let a receiver drop a resend, but not every receiver honours it).
 * No retries here.
 *
 * <p>Thread-safe: final fields, a thread-safe HTTP client and a thread-safe Gson; no state kept between sends.
 */
public final class WebhookNotifier implements ReminderNotifier {
    /** The provider name in {@link ProviderException#provider()}. */
    public static final String PROVIDER = "webhook";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);
    private static final Gson GSON = new Gson();

    private final HttpClient client;
    private final WebhookSettings settings;

    /**
     * @param client   the host's HTTP client (proxy, TLS, executor)
     * @param settings URL, timeout and extra headers
     */
    public WebhookNotifier(HttpClient client, WebhookSettings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String send(ReminderMessage message) {
        ReminderKey key = message.key();
        String idempotencyKey = key.merchantId() + "/" + key.periodBegin() + "/" + key.reminderDate();
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body(message), StandardCharsets.UTF_8));
        settings.headers().forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw unreachable("could not be reached within " + settings.timeout() + " (not sent)", key, e);
        } catch (HttpTimeoutException e) {
            LOG.warn("webhook reminder for merchant {}: {} did not answer: outcome unknown", key.merchantId(), settings);
            throw new SendOutcomeUnknownException("webhook " + settings.url().getHost()
                    + " did not answer within " + settings.timeout() + " (outcome unknown)", e);
        } catch (ConnectException e) {
            throw unreachable("could not be reached (" + e.getClass().getSimpleName() + ")", key, e);
        } catch (IOException e) { // after connecting: the request may have been received
            LOG.warn("webhook reminder for merchant {}: {} failed mid-call: outcome unknown", key.merchantId(), settings);
            throw new SendOutcomeUnknownException("webhook " + settings.url().getHost() + " failed mid-call ("
                    + e.getClass().getSimpleName() + ", outcome unknown)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable("call was interrupted", key, e);
        }
        String requestId = response.headers().firstValue("X-Request-Id").orElse(null);
        if (response.statusCode() / 100 != 2) {
            throw refused("HTTP " + response.statusCode(), requestId, response.body(), key);
        }
        String errcode = weChatErrcode(response.body());
        if (!errcode.equals("0")) {
            throw refused(errcode, requestId, response.body(), key);
        }
        LOG.info("webhook reminder sent for merchant {} (request id {})", key.merchantId(), requestId);
        return requestId != null && !requestId.isBlank() ? requestId : idempotencyKey;
    }

    private static String body(ReminderMessage message) {
        JsonObject body = new JsonObject();
        body.addProperty("merchant_id", message.merchant().id());
        body.addProperty("merchant_name", message.merchant().name());
        body.addProperty("reminder_date", message.key().reminderDate().toString());
        body.addProperty("period_begin", message.period().begin().toString());
        body.addProperty("period_end", message.period().end().toString());
        body.addProperty("deadline", message.period().settle().toString());
        body.addProperty("amount_due", message.amountDue().fen());
        body.addProperty("fee_type", message.amountDue().feeType());
        body.addProperty("text", message.text());
        JsonObject params = new JsonObject();
        for (Map.Entry<String, String> param : message.params().entrySet()) {
            params.addProperty(param.getKey(), param.getValue());
        }
        body.add("params", params);
        return GSON.toJson(body);
    }

    /** The {@code errcode} of a WeChat-style JSON answer, "0" when the answer is not such an object. */
    private static String weChatErrcode(String body) {
        try {
            JsonElement answer = JsonParser.parseString(body == null ? "" : body);
            if (answer.isJsonObject() && answer.getAsJsonObject().has("errcode")) {
                return answer.getAsJsonObject().get("errcode").getAsString();
            }
        } catch (JsonSyntaxException | IllegalStateException | UnsupportedOperationException notJson) {
            // a plain-text 2xx answer is a success
        }
        return "0";
    }

    private InfrastructureException unreachable(String what, ReminderKey key, Exception cause) {
        LOG.warn("webhook reminder for merchant {}: {} {}", key.merchantId(), settings, what);
        return new InfrastructureException("webhook " + settings.url().getHost() + " " + what, cause);
    }

    private static ProviderException refused(String code, String requestId, String body, ReminderKey key) {
        String excerpt = body == null ? "" : Redact.digits(body.length() <= 200 ? body : body.substring(0, 200));
        LOG.warn("webhook reminder for merchant {} refused: {} (request id {})", key.merchantId(), code, requestId);
        return new ProviderException(PROVIDER, code, requestId, excerpt, null);
    }
}
