/**
 * JDBC helpers for tests: a data source that counts the statements it runs.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.testkit.jdbc;
