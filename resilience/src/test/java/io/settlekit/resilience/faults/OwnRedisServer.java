package io.settlekit.resilience.faults;

import io.settlekit.testkit.servers.LocalRedisCluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} of this test alone, on a free loopback port, keeping nothing on disk
 * ({@code --save "" --appendonly no}, as the project's Redis runs): it can be stopped and started again on
 * the same port without touching the Redis other test runs share. Needs {@code redis-server} on the PATH
 * (or {@code SETTLEKIT_REDIS_SERVER}); fails with how to install it otherwise.
 */
final class OwnRedisServer implements AutoCloseable {
    private final String binary;
    private final int port;
    private final Path directory;
    private Process process;

    private OwnRedisServer(String binary, int port, Path directory) {
        this.binary = binary;
        this.port = port;
        this.directory = directory;
    }

    /** Starts a server on a free loopback port. */
    static OwnRedisServer start() {
        String binary = System.getenv("SETTLEKIT_REDIS_SERVER");
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            OwnRedisServer server = new OwnRedisServer(binary == null || binary.isBlank() ? "redis-server" : binary, port,
                    Files.createTempDirectory("settlekit-faults-redis-"));
            server.startProcess();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not start a redis-server of the test (" + e.getMessage() + "): "
                    + LocalRedisCluster.HOW_TO_INSTALL, e);
        }
    }

    /** The server's port on 127.0.0.1. */
    int port() {
        return port;
    }

    /** Stops the server (SIGTERM, then SIGKILL) and waits until the port refuses connections. */
    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Starts the server again on the same port (empty: it keeps nothing on disk). */
    void restart() {
        try {
            startProcess();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }

    private void startProcess() throws IOException {
        process = new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1", "--protected-mode", "no",
                "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", directory.toString(),
                "--logfile", directory.resolve("redis.log").toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("stdout.log").toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IOException("redis-server on port " + port + " did not start", notYet);
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }
}
