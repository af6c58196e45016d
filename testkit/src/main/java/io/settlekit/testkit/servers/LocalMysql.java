package io.settlekit.testkit.servers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A throwaway database on the local MySQL/MariaDB server for one integration test class: created on
 * {@link #create(String)}, dropped on {@link #close()}.
 *
 * <p>The server is found through {@code SETTLEKIT_MYSQL_URL} (default {@code jdbc:mysql://127.0.0.1:3306/}),
 * {@code SETTLEKIT_MYSQL_USER} (default {@code root}) and {@code SETTLEKIT_MYSQL_PASSWORD} (default empty).
 * When it is not reachable, {@link #create(String)} fails with a message saying how to start it; tests are
 * never skipped. A JDBC driver must be on the test class path.
 *
 * <p>Thread-safe: immutable connection settings; every call opens its own connection.
 */
public final class LocalMysql implements AutoCloseable {
    /** How to start the server this project's machines have. */
    public static final String HOW_TO_START =
            "start MariaDB with: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd"
                    + " (or point SETTLEKIT_MYSQL_URL / SETTLEKIT_MYSQL_USER / SETTLEKIT_MYSQL_PASSWORD at a server)";

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String database;

    private LocalMysql(String serverUrl, String user, String password, String database) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.database = database;
    }

    /**
     * Creates a new empty database named {@code settlekit_it_<purpose>_<random>}.
     *
     * @param purpose a short lower-case word naming the test, for people reading the server's database list
     */
    public static LocalMysql create(String purpose) {
        String url = env("SETTLEKIT_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/");
        String user = env("SETTLEKIT_MYSQL_USER", "root");
        String password = env("SETTLEKIT_MYSQL_PASSWORD", "");
        String database = ("settlekit_it_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        LocalMysql mysql = new LocalMysql(url, user, password, database);
        mysql.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4");
        return mysql;
    }

    /** The name of the test's database. */
    public String database() {
        return database;
    }

    /** A JDBC URL whose default database is the test's database. */
    public String jdbcUrl() {
        String base = serverUrl.contains("?") ? serverUrl.substring(0, serverUrl.indexOf('?')) : serverUrl;
        String query = serverUrl.contains("?") ? serverUrl.substring(serverUrl.indexOf('?')) : "";
        if (!base.endsWith("/")) {
            base = base.substring(0, base.lastIndexOf('/') + 1);
        }
        return base + database + query;
    }

    /** The user to connect as. */
    public String user() {
        return user;
    }

    /** The password to connect with. */
    public String password() {
        return password;
    }

    /** A new connection to the test's database (the caller closes it). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    /** Runs each SQL statement (separated by {@code ;} at line ends) against the test's database. */
    public void run(String script) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : script.split(";\\s*(\\r?\\n|$)")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not run SQL against " + database + ": " + e.getMessage(), e);
        }
    }

    /** Drops the test's database. */
    @Override
    public void close() {
        execute("DROP DATABASE IF EXISTS `" + database + "`");
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MySQL/MariaDB is not usable at " + redact(serverUrl) + " as user '" + user
                    + "' (" + e.getMessage() + "): " + HOW_TO_START, e);
        }
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
