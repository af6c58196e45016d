package io.settlekit.redis;

import io.settlekit.testkit.servers.LocalRedis;
import io.settlekit.testkit.servers.LocalRedisCluster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Clients for one test class, each with a pool large enough for 64 threads, all closed (and the class's
 * keys deleted) by {@link #closeAll()}.
 */
final class RedisClients {
    private final List<UnifiedJedis> clients = new ArrayList<>();
    private final String prefix;

    RedisClients(String purpose) {
        this.prefix = LocalRedis.keyPrefix(purpose);
    }

    /** The class's key prefix. */
    String prefix() {
        return prefix;
    }

    /** A new client of the local Redis server (a new "service instance"). */
    synchronized UnifiedJedis standalone() {
        LocalRedis redis = LocalRedis.check();
        RedisClient client = RedisClient.builder().fromURI(redis.uri()).poolConfig(pool()).build();
        clients.add(client);
        return client;
    }

    /** A new client of a local cluster. */
    synchronized UnifiedJedis cluster(LocalRedisCluster cluster) {
        Set<HostAndPort> nodes = new HashSet<>();
        cluster.ports().forEach(port -> nodes.add(new HostAndPort("127.0.0.1", port)));
        RedisClusterClient client = RedisClusterClient.builder().nodes(nodes).poolConfig(pool()).build();
        clients.add(client);
        return client;
    }

    /** Deletes the class's keys (through the first client) and closes every client. */
    synchronized void closeAll() {
        if (!clients.isEmpty() && clients.get(0) instanceof RedisClient standalone) {
            ScannedKeys.deleteAll(standalone, prefix);
        }
        clients.forEach(UnifiedJedis::close);
        clients.clear();
    }

    private static ConnectionPoolConfig pool() {
        ConnectionPoolConfig config = new ConnectionPoolConfig();
        config.setMaxTotal(64);
        config.setMaxIdle(64);
        return config;
    }
}
