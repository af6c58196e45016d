package io.settlekit.benchmarks.refresh;

import redis.clients.jedis.UnifiedJedis;

/**
 * The CPU time the Redis server process has used (user + system, from {@code INFO cpu}): read around a
 * round, it gives the server's cost per call, network system calls included. Other clients of a shared
 * server add to it, so it is an upper bound.
 */
final class RedisCpu {
    private RedisCpu() {
    }

    /** Seconds of CPU used by the server so far. */
    static double seconds(UnifiedJedis jedis) {
        double total = 0;
        for (String line : jedis.info("cpu").split("\r?\n")) {
            if (line.startsWith("used_cpu_user:") || line.startsWith("used_cpu_sys:")) {
                total += Double.parseDouble(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return total;
    }
}
