/**
 * Port adapters over MySQL/MariaDB, one subpackage per core context. They take the host's
 * {@link javax.sql.DataSource}, work on the hosts' existing tables as their DDL has them (names
 * configurable through {@link io.settlekit.mysql.SqlTable}), and use prepared statements only, through
 * {@link io.settlekit.mysql.Jdbc}.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.mysql;
