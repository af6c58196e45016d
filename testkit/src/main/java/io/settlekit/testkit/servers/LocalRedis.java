package io.settlekit.testkit.servers;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;

/**
 * The local Redis server the integration tests use, found through {@code SETTLEKIT_REDIS_URL} (default
 * {@code redis://127.0.0.1:6379}; {@code redis://user:password@host:port} is understood). {@link #check()}
 * fails with a message saying how to start Redis when it does not answer; tests are never skipped.
 *
 * <p>The server is shared with other test runs: tests use their own key prefix
 * ({@link #keyPrefix(String)}) and delete their keys afterwards.
 *
 * <p>Thread-safe: immutable (an address checked once; it holds no connection).
 */
public final class LocalRedis {
    /** How to start the server this project's machines have. */
    public static final String HOW_TO_START = "start Redis with: redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379"
            + " --save \"\" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log"
            + " (or point SETTLEKIT_REDIS_URL at a server)";

    private final URI uri;

    private LocalRedis(URI uri) {
        this.uri = uri;
    }

    /** The server named by {@code SETTLEKIT_REDIS_URL}, checked to answer {@code PING}. */
    public static LocalRedis check() {
        String value = System.getenv("SETTLEKIT_REDIS_URL");
        LocalRedis redis = new LocalRedis(URI.create(value == null || value.isBlank() ? "redis://127.0.0.1:6379" : value.strip()));
        try {
            String pong = Resp.command(redis.host(), redis.port(), redis.user(), redis.password(), "PING");
            if (!"PONG".equals(pong)) {
                throw new IOException("PING answered '" + pong + "'");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Redis is not usable at " + redis.host() + ":" + redis.port() + " (" + e.getMessage() + "): " + HOW_TO_START, e);
        }
        return redis;
    }

    /** The server's URI as configured (may hold a password: never log it). */
    public URI uri() {
        return uri;
    }

    /** The server's host. */
    public String host() {
        return uri.getHost() == null ? "127.0.0.1" : uri.getHost();
    }

    /** The server's port. */
    public int port() {
        return uri.getPort() < 0 ? 6379 : uri.getPort();
    }

    /** A key prefix no other test run uses: {@code settlekit-it:<purpose>:<random>:}. */
    public static String keyPrefix(String purpose) {
        return "settlekit-it:" + purpose.toLowerCase(Locale.ROOT) + ":" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    private String user() {
        String info = uri.getUserInfo();
        return info == null || !info.contains(":") ? "" : info.substring(0, info.indexOf(':'));
    }

    private String password() {
        String info = uri.getUserInfo();
        return info == null ? "" : info.contains(":") ? info.substring(info.indexOf(':') + 1) : info;
    }
}
