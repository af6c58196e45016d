package io.settlekit.testkit.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throwaway Redis Cluster on loopback for one test class: {@code masters} {@code redis-server}
 * processes (no replicas) on free ports, joined with {@code redis-cli --cluster create}, waited for until
 * every node reports {@code cluster_state:ok}. Always torn down: on {@link #close()}, after the test class
 * when registered as an extension, when starting fails half-way, and by a JVM shutdown hook if the test
 * JVM exits without closing it.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LocalRedisCluster CLUSTER = new LocalRedisCluster(3);
 * ... RedisClusterClient.create(CLUSTER.nodes()...) ...
 * }</pre>
 *
 * <p>Needs {@code redis-server} and {@code redis-cli} on the PATH (Debian package {@code redis-server}),
 * or their paths in {@code SETTLEKIT_REDIS_SERVER} and {@code SETTLEKIT_REDIS_CLI}.
 *
 * <p>Thread-safe: every method that reads or changes its processes is synchronized.
 */
public final class LocalRedisCluster implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    /** How to get the binaries. */
    public static final String HOW_TO_INSTALL = "install Redis with: apt-get install -y redis-server"
            + " (or set SETTLEKIT_REDIS_SERVER / SETTLEKIT_REDIS_CLI to the binaries)";

    private static final Duration READY_WITHIN = Duration.ofSeconds(30);

    private final int masters;
    private final String serverBinary;
    private final String cliBinary;
    private final List<Process> processes = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private Path directory;
    private Thread shutdownHook;
    private int classesUsing;

    /** A cluster of {@code masters} master nodes, started by {@link #start()} or as an extension. */
    public LocalRedisCluster(int masters) {
        this(masters, binary("SETTLEKIT_REDIS_SERVER", "redis-server"), binary("SETTLEKIT_REDIS_CLI", "redis-cli"));
    }

    /** A cluster of {@code masters} master nodes started with the given {@code redis-server} and {@code redis-cli}. */
    public LocalRedisCluster(int masters, String serverBinary, String cliBinary) {
        if (masters < 3) {
            throw new IllegalArgumentException("a Redis Cluster needs at least 3 masters, not " + masters);
        }
        this.masters = masters;
        this.serverBinary = serverBinary;
        this.cliBinary = cliBinary;
    }

    /** Starts the cluster for the first test class using it (nested classes share it). */
    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (classesUsing++ == 0) {
            start();
        }
    }

    /** Tears the cluster down after the last test class using it. */
    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (--classesUsing == 0) {
            close();
        }
    }

    /** Starts the nodes, creates the cluster and waits until it is ready; tears everything down on failure. */
    public synchronized void start() {
        if (!processes.isEmpty()) {
            throw new IllegalStateException("the cluster is already started");
        }
        try {
            directory = Files.createTempDirectory("settlekit-redis-cluster-");
            shutdownHook = new Thread(this::destroyAll, "settlekit-redis-cluster-teardown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            for (int i = 0; i < masters; i++) {
                startNode(freePort());
            }
            createCluster();
            awaitReady();
        } catch (IOException | RuntimeException e) {
            String log = logTail();
            close();
            throw new IllegalStateException("could not start a local Redis Cluster (" + e.getMessage() + "); " + HOW_TO_INSTALL + log, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while starting a local Redis Cluster", e);
        }
    }

    /** The nodes' ports on 127.0.0.1. */
    public synchronized List<Integer> ports() {
        return List.copyOf(ports);
    }

    /** The nodes' {@code host:port} addresses. */
    public synchronized List<String> nodes() {
        return ports.stream().map(port -> "127.0.0.1:" + port).toList();
    }

    /** Runs one command on one node and returns its text answer (for test set-up, e.g. {@code SCRIPT FLUSH}). */
    public String command(int port, String... command) {
        try {
            return Resp.command("127.0.0.1", port, null, null, command);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops every node and deletes their files. Idempotent. */
    @Override
    public synchronized void close() {
        destroyAll();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: nothing left to remove
            }
            shutdownHook = null;
        }
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory left behind is harmless
            }
            directory = null;
        }
        processes.clear();
        ports.clear();
    }

    private void destroyAll() {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private void startNode(int port) throws IOException {
        Path dir = directory.resolve(Integer.toString(port));
        Files.createDirectories(dir);
        ProcessBuilder builder = new ProcessBuilder(serverBinary,
                "--port", Integer.toString(port), "--bind", "127.0.0.1", "--protected-mode", "no",
                "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "5000",
                "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", dir.toString(),
                "--logfile", dir.resolve("redis.log").toString());
        builder.redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile());
        processes.add(builder.start());
        ports.add(port);
        awaitAnswer(port);
    }

    private void awaitAnswer(int port) throws IOException {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (true) {
            try {
                if ("PONG".equals(Resp.command("127.0.0.1", port, null, null, "PING"))) {
                    return;
                }
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("redis-server on port " + port + " did not answer PING", notYet);
                }
            }
            for (Process process : processes) {
                if (!process.isAlive()) {
                    throw new IOException("redis-server exited with " + process.exitValue());
                }
            }
            sleep(50);
        }
    }

    private void createCluster() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(cliBinary, "--cluster", "create"));
        command.addAll(nodes());
        command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        Path log = directory.resolve("cluster-create.log");
        Process create = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!create.waitFor(READY_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
            create.destroyForcibly();
            throw new IOException("redis-cli --cluster create did not finish");
        }
        if (create.exitValue() != 0) {
            throw new IOException("redis-cli --cluster create failed: " + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    private void awaitReady() throws IOException {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        for (int port : ports) {
            while (!Resp.command("127.0.0.1", port, null, null, "CLUSTER", "INFO").contains("cluster_state:ok")) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("node " + port + " never reported cluster_state:ok");
                }
                sleep(100);
            }
        }
    }

    private String logTail() {
        if (directory == null) {
            return "";
        }
        StringBuilder tail = new StringBuilder();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                tail.append("\n--- ").append(directory.relativize(file)).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size())));
            }
        } catch (IOException | UncheckedIOException ignored) {
            // the logs are a courtesy
        }
        return tail.toString();
    }

    private int freePort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            // the cluster bus listens on port + 10000: both must be free
            if (port + 10_000 <= 65_535 && !ports.contains(port) && isFree(port + 10_000)) {
                return port;
            }
        }
        throw new IOException("no free pair of loopback ports (port, port + 10000) found");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort() == port;
        } catch (IOException taken) {
            return false;
        }
    }

    private static String binary(String variable, String fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
