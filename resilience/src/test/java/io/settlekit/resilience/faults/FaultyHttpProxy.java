package io.settlekit.resilience.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * A fault-injecting HTTP/1.1 proxy on loopback, in front of an HTTP server (the embedded s3proxy): one
 * request per connection ({@code Connection: close}), the bytes of a passed request forwarded unchanged
 * (so a SigV4 signature over the {@code Host} header stays valid). For each request a policy, given the
 * request's kind and its attempt number for that kind (1, 2, …), answers {@link Fault#PASS}, a
 * {@link Fault#ERROR_500} of its own, {@link Fault#SLOW}: forward only after {@code slowMillis}, or
 * {@link Fault#TRUNCATE}: forward the answer's head and the first {@value #TRUNCATED_BODY_BYTES} bytes of its
 * body, then close the connection (a download cut short).
 * It records every request it saw.
 */
final class FaultyHttpProxy implements AutoCloseable {
    /** What the proxy does with one request. */
    enum Fault { PASS, ERROR_500, SLOW, TRUNCATE }

    /** One request the proxy saw. */
    record Seen(String kind, int attempt, Fault fault) {
    }

    /** Body bytes a truncated answer keeps. */
    static final int TRUNCATED_BODY_BYTES = 1_000;

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "faulty-http-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final long slowMillis;
    private volatile BiFunction<String, Integer, Fault> policy = (kind, attempt) -> Fault.PASS;

    /** A proxy to {@code target} delaying {@link Fault#SLOW} requests by {@code slowMillis}. */
    FaultyHttpProxy(URI target, long slowMillis) throws IOException {
        this.target = new InetSocketAddress(target.getHost(), target.getPort());
        this.slowMillis = slowMillis;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    /** The proxy's address, for the client's endpoint. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Sets the policy (kind, attempt of that kind) → fault, and restarts the attempt counts. */
    void policy(BiFunction<String, Integer, Fault> next) {
        attempts.clear();
        seen.clear();
        policy = next;
    }

    /** The requests seen since the policy was set. */
    List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** How many requests of {@code kind} were seen since the policy was set. */
    long count(String kind) {
        return seen.stream().filter(s -> s.kind().equals(kind)).count();
    }

    /** {@code LIST} for a {@code ListObjectsV2}, {@code GET} for another GET, else the method. */
    static String kind(String method, String target) {
        if (method.equals("GET")) {
            return target.contains("list-type=2") ? "LIST" : "GET";
        }
        return method;
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> handle(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
            String kind = kind(requestLine[0], requestLine[1]);
            int attempt = attempts.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
            Fault fault = policy.apply(kind, attempt);
            seen.add(new Seen(kind, attempt, fault));
            byte[] body = in.readNBytes(contentLength(head));
            switch (fault) {
                case ERROR_500 -> answer500(client.getOutputStream());
                case SLOW -> {
                    Thread.sleep(slowMillis);
                    forward(client, head, body, false);
                }
                case TRUNCATE -> forward(client, head, body, true);
                default -> forward(client, head, body, false);
            }
        } catch (IOException | InterruptedException gone) {
            // the client gave up (a timeout) or the proxy is closing
        }
    }

    private void forward(Socket client, String head, byte[] body, boolean truncate) throws IOException {
        StringBuilder rewritten = new StringBuilder();
        for (String line : head.split("\r\n")) {
            if (!line.isEmpty() && !line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                rewritten.append(line).append("\r\n");
            }
        }
        rewritten.append("Connection: close\r\n\r\n");
        try (Socket upstream = new Socket()) {
            upstream.connect(target, 2_000);
            OutputStream out = upstream.getOutputStream();
            out.write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            if (truncate) {
                InputStream answer = upstream.getInputStream();
                String answerHead = readHead(answer);
                if (answerHead != null) {
                    client.getOutputStream().write(answerHead.getBytes(StandardCharsets.ISO_8859_1));
                    client.getOutputStream().write(answer.readNBytes(TRUNCATED_BODY_BYTES));
                }
            } else {
                upstream.getInputStream().transferTo(client.getOutputStream());
            }
            client.getOutputStream().flush();
        }
    }

    private static void answer500(OutputStream out) throws IOException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InternalError</Code>"
                + "<Message>We encountered an internal error. Please try again.</Message><RequestId>fault</RequestId></Error>")
                .getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/xml\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)) ? matched + 1 : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return 0;
    }
}
