package io.settlekit.resilience.secrets;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Local stand-ins for S3, Tencent Cloud SMS and a webhook receiver on the JDK's HTTP server, each answering
 * with the errors the real services give for wrong credentials and bad numbers, and keeping the
 * {@code Authorization} headers they received (so a test can prove the planted credentials were used).
 */
final class FakeProviders implements AutoCloseable {
    private static final Pattern AWS_KEY = Pattern.compile("Credential=([A-Z0-9]+)/");

    private final HttpServer server;
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    FakeProviders() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::s3);
        server.createContext("/tencent", this::tencent);
        server.createContext("/hook", this::hook);
        server.start();
    }

    /** {@code http://127.0.0.1:port}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code 127.0.0.1:port}, for the Tencent SDK's endpoint. */
    String hostPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // S3: listing answers InvalidAccessKeyId, anything else SignatureDoesNotMatch, both echoing the key id as S3 does
    private void s3(HttpExchange exchange) throws IOException {
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        authorizations.add(authorization);
        exchange.getRequestBody().readAllBytes();
        Matcher key = AWS_KEY.matcher(authorization);
        String keyId = key.find() ? key.group(1) : "";
        boolean listing = exchange.getRequestURI().getRawQuery() != null && exchange.getRequestURI().getRawQuery().contains("list-type");
        String code = listing ? "InvalidAccessKeyId" : "SignatureDoesNotMatch";
        String message = listing ? "The AWS Access Key Id you provided does not exist in our records."
                : "The request signature we calculated does not match the signature you provided. Check your key and signing method.";
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message><AWSAccessKeyId>" + keyId + "</AWSAccessKeyId><RequestId>R7SECRETS01</RequestId><HostId>h</HostId></Error>";
        respond(exchange, 403, "application/xml", xml);
    }

    // Tencent Cloud SMS: the first number gets a request-level auth error, the second a per-number error quoting it
    private void tencent(HttpExchange exchange) throws IOException {
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        JsonObject request = JsonParser.parseString(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        String phone = request.getAsJsonArray("PhoneNumberSet").get(0).getAsString();
        JsonObject response = new JsonObject();
        response.addProperty("RequestId", "r7-secrets-" + authorizations.size());
        if (phone.endsWith(SecretsIT.PHONE_1.substring(3))) {
            JsonObject error = new JsonObject();
            error.addProperty("Code", "AuthFailure.SecretIdNotFound");
            error.addProperty("Message", "The SecretId is not found, please ensure that your SecretId is correct.");
            response.add("Error", error);
        } else {
            JsonObject status = new JsonObject();
            status.addProperty("SerialNo", "");
            status.addProperty("PhoneNumber", phone);
            status.addProperty("Fee", 0);
            status.addProperty("SessionContext", "");
            status.addProperty("Code", "InvalidParameterValue.IncorrectPhoneNumber");
            status.addProperty("Message", "incorrect phone number: " + phone + " (" + phone.substring(3) + ")");
            status.addProperty("IsoCode", "CN");
            JsonArray statuses = new JsonArray();
            statuses.add(status);
            response.add("SendStatusSet", statuses);
        }
        JsonObject root = new JsonObject();
        root.add("Response", response);
        respond(exchange, 200, "application/json", root.toString());
    }

    // webhook: refuses with 401, echoing nothing
    private void hook(HttpExchange exchange) throws IOException {
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        exchange.getRequestBody().readAllBytes();
        respond(exchange, 401, "application/json", "{\"error\":\"unauthorized\"}");
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
