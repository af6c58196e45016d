package io.settlekit.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The keys a test or a benchmark wrote under its own prefix, found by {@code SCAN} (never {@code KEYS}, which
 * blocks a shared server): to list them, or to delete them when done. Shared by this module's tests, the
 * resilience suite and the benchmarks through this module's test jar.
 */
public final class ScannedKeys {
    private ScannedKeys() {
    }

    /** Every key starting with {@code prefix}. */
    public static List<String> matching(UnifiedJedis redis, String prefix) {
        List<String> keys = new ArrayList<>();
        forEachPage(redis, prefix, keys::addAll);
        return keys;
    }

    /** Deletes every key starting with {@code prefix}, a page at a time. */
    public static void deleteAll(UnifiedJedis redis, String prefix) {
        forEachPage(redis, prefix, page -> {
            if (!page.isEmpty()) {
                redis.del(page.toArray(String[]::new));
            }
        });
    }

    private static void forEachPage(UnifiedJedis redis, String prefix, Consumer<List<String>> action) {
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams match = new ScanParams().match(prefix + "*").count(1000);
        do {
            ScanResult<String> page = redis.scan(cursor, match);
            action.accept(page.getResult());
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
    }
}
