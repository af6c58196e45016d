package io.settlekit.redis;

import io.settlekit.base.InfrastructureException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script run with {@code EVALSHA}: one round trip per call. The script is loaded into a server the
 * first time that server answers {@code NOSCRIPT} (a new node, a restart, a {@code SCRIPT FLUSH}), then the
 * call is retried once. On Redis Cluster the script is loaded on the node owning the call's key.
 */
final class LuaScript {
    private final String source;
    private final String sha;

    LuaScript(String source) {
        this.source = source;
        this.sha = sha1(source);
    }

    /** Runs the script on the node of {@code key} with that one key and {@code args}. */
    Object run(UnifiedJedis jedis, String doing, String key, List<String> args) {
        return run(jedis, doing, List.of(key), args);
    }

    /**
     * Runs the script with {@code keys} and {@code args} on the node of the keys, which must share one hash
     * slot on a cluster (a common hash tag).
     */
    Object run(UnifiedJedis jedis, String doing, List<String> keys, List<String> args) {
        try {
            try {
                return jedis.evalsha(sha, keys, args);
            } catch (JedisNoScriptException notLoaded) {
                jedis.scriptLoad(source, keys.get(0));
                return jedis.evalsha(sha, keys, args);
            }
        } catch (JedisException e) {
            throw new InfrastructureException("Redis failed while " + doing + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** The script's SHA-1, as Redis names it. */
    String sha() {
        return sha;
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-1", impossible);
        }
    }
}
