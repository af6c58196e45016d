/**
 * Port adapters on Redis and Redis Cluster, taking the host's {@link redis.clients.jedis.UnifiedJedis}:
 * the refresh limit's day counters ({@link io.settlekit.redis.JedisDailyCounters}), job locks
 * ({@link io.settlekit.redis.JedisJobLocks}, a ShedLock provider for Jedis 8 underneath) and the ledger of
 * finished job dates ({@link io.settlekit.redis.JedisJobLedger}). Every key starts with a configurable
 * prefix; every call touches one key, or keys of one hash slot (a common hash tag).
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.redis;
