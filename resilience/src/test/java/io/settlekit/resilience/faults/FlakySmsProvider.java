package io.settlekit.resilience.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for Tencent Cloud SMS ({@code SendSms} 2021-01-11) answering per phone number as told: deliver
 * (and count the message), refuse the number with a provider error, never answer in time (the request
 * is dropped, nothing is delivered), or deliver the message and then never answer (the ambiguous case). It
 * also answers {@code PullSmsSendStatusByPhoneNumber} with a {@code SUCCESS} status report, carrying the
 * send's {@code SessionContext}, for every message delivered to the number. Unlike the adapter's own fake it does not check signatures: it is about
 * what the reminder job does with each answer. Counts are per number, so a test can check that every
 * merchant received exactly one message.
 */
final class FlakySmsProvider implements AutoCloseable {
    /** How the provider answers one number. */
    enum Behaviour { DELIVER, REFUSE, NO_ANSWER, DELIVER_NO_ANSWER }

    /** The error code of a refusal. */
    static final String REFUSAL_CODE = "LimitExceeded.PhoneNumberDailyLimit";

    private static final Pattern PHONE = Pattern.compile("\"PhoneNumberSet\"\\s*:\\s*\\[\\s*\"([^\"]+)\"");
    private static final Pattern QUERIED_PHONE = Pattern.compile("\"PhoneNumber\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("\"SessionContext\"\\s*:\\s*\"([^\"]*)\"");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final long noAnswerMillis;
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final AtomicInteger serials = new AtomicInteger();
    private final AtomicInteger statusQueries = new AtomicInteger();
    private final Map<String, java.util.List<String>> deliveredSessions = new ConcurrentHashMap<>();

    /** A provider on a free loopback port that holds unanswered requests for {@code noAnswerMillis}. */
    FlakySmsProvider(long noAnswerMillis) throws IOException {
        this.noAnswerMillis = noAnswerMillis;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** {@code 127.0.0.1:port}, for {@code HttpProfile.setEndpoint}. */
    String endpoint() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** How {@code phone} is answered from now on (default: delivered). */
    void answer(String phone, Behaviour behaviour) {
        behaviours.put(phone, behaviour);
    }

    /** Every number is delivered from now on. */
    void deliverAll() {
        behaviours.clear();
    }

    /** Messages delivered to {@code phone}. */
    int delivered(String phone) {
        AtomicInteger count = delivered.get(phone);
        return count == null ? 0 : count.get();
    }

    /** Requests received for {@code phone}. */
    int requests(String phone) {
        AtomicInteger count = requests.get(phone);
        return count == null ? 0 : count.get();
    }

    /** Status queries received. */
    int statusQueries() {
        return statusQueries.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if ("PullSmsSendStatusByPhoneNumber".equals(exchange.getRequestHeaders().getFirst("X-TC-Action"))) {
            statusQueries.incrementAndGet();
            Matcher queried = QUERIED_PHONE.matcher(body);
            respond(exchange, reports(queried.find() ? queried.group(1) : ""));
            return;
        }
        Matcher phone = PHONE.matcher(body);
        if (!phone.find()) {
            respond(exchange, "{\"Response\":{\"Error\":{\"Code\":\"InvalidParameter\",\"Message\":\"no number\"},\"RequestId\":\"" + UUID.randomUUID() + "\"}}");
            return;
        }
        String number = phone.group(1);
        requests.computeIfAbsent(number, n -> new AtomicInteger()).incrementAndGet();
        String requestId = UUID.randomUUID().toString();
        switch (behaviours.getOrDefault(number, Behaviour.DELIVER)) {
            case NO_ANSWER -> {
                try {
                    Thread.sleep(noAnswerMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close(); // dropped: nothing delivered, nothing answered
            }
            case DELIVER_NO_ANSWER -> {
                deliver(number, body);
                try {
                    Thread.sleep(noAnswerMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close(); // delivered, but the answer never reaches the client
            }
            case REFUSE -> respond(exchange, status(number, requestId, REFUSAL_CODE, "the number reached its daily limit", ""));
            default -> {
                deliver(number, body);
                respond(exchange, status(number, requestId, "Ok", "send success", "2645:" + (1_000_000 + serials.incrementAndGet())));
            }
        }
    }

    private void deliver(String number, String body) {
        Matcher session = SESSION.matcher(body);
        deliveredSessions.computeIfAbsent(number, n -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(session.find() ? session.group(1) : "");
        delivered.computeIfAbsent(number, n -> new AtomicInteger()).incrementAndGet();
    }

    private String reports(String number) {
        StringBuilder set = new StringBuilder();
        for (String session : deliveredSessions.getOrDefault(number, java.util.List.of())) {
            set.append(set.length() == 0 ? "" : ",").append("{\"UserReceiveTime\":1507424400,\"CountryCode\":\"86\",\"SubscriberNumber\":\"")
                    .append(number.replace("+86", "")).append("\",\"PhoneNumber\":\"").append(number).append("\",\"SerialNo\":\"2645:")
                    .append(3_000_000 + serials.incrementAndGet()).append("\",\"ReportStatus\":\"SUCCESS\",\"Description\":\"DELIVRD\",")
                    .append("\"SessionContext\":\"").append(session).append("\"}");
        }
        return "{\"Response\":{\"PullSmsSendStatusSet\":[" + set + "],\"RequestId\":\"" + UUID.randomUUID() + "\"}}";
    }

    private static String status(String number, String requestId, String code, String message, String serial) {
        return "{\"Response\":{\"SendStatusSet\":[{\"SerialNo\":\"" + serial + "\",\"PhoneNumber\":\"" + number
                + "\",\"Fee\":1,\"SessionContext\":\"\",\"Code\":\"" + code + "\",\"Message\":\"" + message
                + "\",\"IsoCode\":\"CN\"}],\"RequestId\":\"" + requestId + "\"}}";
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException clientGone) {
            // the client gave up
        }
    }
}
