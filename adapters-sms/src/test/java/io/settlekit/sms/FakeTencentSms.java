package io.settlekit.sms;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for {@code sms.tencentcloudapi.com} on the JDK's HTTP server. It checks each request's
 * TC3-HMAC-SHA256 signature as Tencent Cloud does (the canonical request over content type, host and the
 * payload hash; the key derived from the secret key, the date and the service), then answers as told:
 * success, a request-level provider error, a per-number error, or no answer in time (with or without
 * having accepted the message). It also answers {@code PullSmsSendStatusByPhoneNumber} (same signature
 * check) with a {@code SUCCESS} status report, carrying the request's {@code SessionContext}, for every
 * message it accepted for that number, or with an error when told to.
 */
final class FakeTencentSms implements AutoCloseable {
    /** How the server answers a correctly signed request. */
    enum Mode { SUCCESS, PROVIDER_ERROR, NUMBER_ERROR, SLOW, SLOW_ACCEPTED }

    private static final String PULL = "PullSmsSendStatusByPhoneNumber";
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "TC3-HMAC-SHA256 Credential=([^/]+)/(\\d{4}-\\d{2}-\\d{2})/([^/]+)/tc3_request, SignedHeaders=([a-z;-]+), Signature=([0-9a-f]{64})");

    private final HttpServer server;
    private final String secretId;
    private final String secretKey;
    private final AtomicInteger serials = new AtomicInteger();
    private final List<JsonObject> accepted = new CopyOnWriteArrayList<>();
    private final List<String> signatureFailures = new CopyOnWriteArrayList<>();
    private final List<JsonObject> statusQueries = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.SUCCESS;
    private volatile boolean statusQueryFails;

    FakeTencentSms(String secretId, String secretKey) throws IOException {
        this.secretId = secretId;
        this.secretKey = secretKey;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    /** {@code 127.0.0.1:port}, for {@code HttpProfile.setEndpoint}. */
    String endpoint() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    void answer(Mode next) {
        mode = next;
    }

    /** The bodies of the correctly signed requests the server accepted as sent. */
    List<JsonObject> accepted() {
        return accepted;
    }

    /** The bodies of the correctly signed status queries. */
    List<JsonObject> statusQueries() {
        return statusQueries;
    }

    /** Makes status queries answer with an internal error (or not). */
    void failStatusQueries(boolean fail) {
        statusQueryFails = fail;
    }

    /** Why requests failed the signature check. */
    List<String> signatureFailures() {
        return signatureFailures;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String requestId = "req-" + java.util.UUID.randomUUID();
        String problem = verify(exchange, body);
        if (problem != null) {
            signatureFailures.add(problem);
            respond(exchange, error("AuthFailure.SignatureFailure", "The provided credentials could not be validated. " + problem, requestId));
            return;
        }
        JsonObject request = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
        if (PULL.equals(exchange.getRequestHeaders().getFirst("X-TC-Action"))) {
            statusQueries.add(request);
            respond(exchange, statusQueryFails ? error("InternalError.Timeout", "status query timed out", requestId) : reports(request, requestId));
            return;
        }
        switch (mode) {
            case SLOW_ACCEPTED -> {
                accepted.add(request);
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                respond(exchange, success(request, requestId));
            }
            case SLOW -> {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                respond(exchange, success(request, requestId));
            }
            case PROVIDER_ERROR -> respond(exchange, error("FailedOperation.InsufficientBalanceInSmsPackage",
                    "insufficient balance in SMS package", requestId));
            case NUMBER_ERROR -> respond(exchange, status(request, requestId, "LimitExceeded.PhoneNumberDailyLimit",
                    "the number " + request.getAsJsonArray("PhoneNumberSet").get(0).getAsString() + " reached its daily limit", ""));
            default -> {
                accepted.add(request);
                respond(exchange, success(request, requestId));
            }
        }
    }

    /** Checks the TC3-HMAC-SHA256 signature; returns what is wrong, or null when it is right. */
    private String verify(HttpExchange exchange, byte[] body) {
        try {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            Matcher auth = AUTHORIZATION.matcher(authorization == null ? "" : authorization);
            if (!auth.matches()) {
                return "malformed Authorization header";
            }
            if (!auth.group(1).equals(secretId)) {
                return "unknown secret id";
            }
            String action = exchange.getRequestHeaders().getFirst("X-TC-Action");
            if (!"POST".equals(exchange.getRequestMethod()) || !("SendSms".equals(action) || PULL.equals(action))
                    || !"2021-01-11".equals(exchange.getRequestHeaders().getFirst("X-TC-Version"))) {
                return "not a SendSms or " + PULL + " 2021-01-11 POST";
            }
            long timestamp = Long.parseLong(exchange.getRequestHeaders().getFirst("X-TC-Timestamp"));
            if (Math.abs(Instant.now().getEpochSecond() - timestamp) > 300) {
                return "timestamp too far from now";
            }
            String date = Instant.ofEpochSecond(timestamp).atOffset(ZoneOffset.UTC).toLocalDate().toString();
            if (!auth.group(2).equals(date)) {
                return "credential date is not the timestamp's";
            }
            String service = auth.group(3);
            String signedHeaders = auth.group(4);
            StringBuilder canonicalHeaders = new StringBuilder();
            for (String name : signedHeaders.split(";")) {
                canonicalHeaders.append(name).append(':').append(exchange.getRequestHeaders().getFirst(name).strip().toLowerCase()).append('\n');
            }
            String canonicalRequest = "POST\n/\n\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + sha256Hex(body);
            String stringToSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + date + "/" + service + "/tc3_request\n"
                    + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
            byte[] key = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
            key = hmac(key, service);
            key = hmac(key, "tc3_request");
            String expected = HexFormat.of().formatHex(hmac(key, stringToSign));
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), auth.group(5).getBytes(StandardCharsets.US_ASCII))
                    ? null : "signature mismatch";
        } catch (GeneralSecurityException | RuntimeException e) {
            return "could not verify: " + e;
        }
    }

    private JsonObject success(JsonObject request, String requestId) {
        return status(request, requestId, "Ok", "send success", "2645:" + (1_000_000 + serials.incrementAndGet()));
    }

    private static JsonObject status(JsonObject request, String requestId, String code, String message, String serial) {
        JsonObject status = new JsonObject();
        status.addProperty("SerialNo", serial);
        status.addProperty("PhoneNumber", request.getAsJsonArray("PhoneNumberSet").get(0).getAsString());
        status.addProperty("Fee", 1);
        status.addProperty("SessionContext", request.has("SessionContext") ? request.get("SessionContext").getAsString() : "");
        status.addProperty("Code", code);
        status.addProperty("Message", message);
        status.addProperty("IsoCode", "CN");
        com.google.gson.JsonArray statuses = new com.google.gson.JsonArray();
        statuses.add(status);
        JsonObject response = new JsonObject();
        response.add("SendStatusSet", statuses);
        response.addProperty("RequestId", requestId);
        return wrap(response);
    }

    /** The status reports of the accepted messages to the query's number, a page of them. */
    private JsonObject reports(JsonObject query, String requestId) {
        String phone = query.get("PhoneNumber").getAsString();
        long offset = query.has("Offset") ? query.get("Offset").getAsLong() : 0;
        long limit = query.has("Limit") ? query.get("Limit").getAsLong() : 100;
        com.google.gson.JsonArray set = new com.google.gson.JsonArray();
        int index = 0;
        for (JsonObject sent : accepted) {
            if (!phone.equals(sent.getAsJsonArray("PhoneNumberSet").get(0).getAsString())) {
                continue;
            }
            if (index++ < offset || set.size() >= limit) {
                continue;
            }
            JsonObject report = new JsonObject();
            report.addProperty("UserReceiveTime", Instant.now().getEpochSecond());
            report.addProperty("CountryCode", "86");
            report.addProperty("SubscriberNumber", phone.replace("+86", ""));
            report.addProperty("PhoneNumber", phone);
            report.addProperty("SerialNo", "2645:" + (2_000_000 + index));
            report.addProperty("ReportStatus", "SUCCESS");
            report.addProperty("Description", "DELIVRD");
            report.addProperty("SessionContext", sent.has("SessionContext") ? sent.get("SessionContext").getAsString() : "");
            set.add(report);
        }
        JsonObject response = new JsonObject();
        response.add("PullSmsSendStatusSet", set);
        response.addProperty("RequestId", requestId);
        return wrap(response);
    }

    private static JsonObject error(String code, String message, String requestId) {
        JsonObject error = new JsonObject();
        error.addProperty("Code", code);
        error.addProperty("Message", message);
        JsonObject response = new JsonObject();
        response.add("Error", error);
        response.addProperty("RequestId", requestId);
        return wrap(response);
    }

    private static JsonObject wrap(JsonObject response) {
        JsonObject root = new JsonObject();
        root.add("Response", response);
        return root;
    }

    private static void respond(HttpExchange exchange, JsonObject answer) throws IOException {
        byte[] bytes = answer.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException clientGone) {
            // the client gave up (the timeout case)
        }
    }

    private static String sha256Hex(byte[] data) throws GeneralSecurityException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private static byte[] hmac(byte[] key, String data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

}
