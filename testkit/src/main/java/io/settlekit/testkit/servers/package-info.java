/**
 * The loopback servers integration tests use: MariaDB/MySQL, Redis and a local Redis Cluster.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.testkit.servers;
