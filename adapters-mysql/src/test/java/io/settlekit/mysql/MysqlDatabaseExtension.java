package io.settlekit.mysql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.settlekit.testkit.servers.LocalMysql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throwaway database for one integration test class, with the given DDL scripts run and a small Hikari
 * pool on it; dropped after the class. Register it as a static field:
 * {@code @RegisterExtension static final MysqlDatabaseExtension DB = new MysqlDatabaseExtension("rates", "/ddl/money.sql");}
 */
public final class MysqlDatabaseExtension implements BeforeAllCallback, AfterAllCallback {
    private final String purpose;
    private final String[] scripts;
    private LocalMysql mysql;
    private HikariDataSource dataSource;

    public MysqlDatabaseExtension(String purpose, String... scripts) {
        this.purpose = purpose;
        this.scripts = scripts;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        mysql = LocalMysql.create(purpose);
        for (String script : scripts) {
            mysql.run(resource(script));
        }
        dataSource = newPool();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (dataSource != null) {
            dataSource.close();
        }
        if (mysql != null) {
            mysql.close();
        }
    }

    /** The test's database. */
    public LocalMysql mysql() {
        return mysql;
    }

    /** The shared pool on the test's database. */
    public HikariDataSource dataSource() {
        return dataSource;
    }

    /** Runs SQL statements against the test's database. */
    public void run(String sql) {
        mysql.run(sql);
    }

    /** The rows of a query on the test's database, each row's columns as text joined by {@code |}. */
    public List<String> rows(String sql) {
        try (Connection connection = mysql.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> result = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rows.getString(i));
                }
                result.add(row.toString());
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("could not query " + mysql.database() + ": " + e.getMessage(), e);
        }
    }

    /** A new, separate pool on the test's database (the caller closes it). */
    public HikariDataSource newPool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(mysql.jdbcUrl());
        config.setUsername(mysql.user());
        config.setPassword(mysql.password());
        config.setMaximumPoolSize(8);
        config.setPoolName("settlekit-it-" + mysql.database());
        return new HikariDataSource(config);
    }

    private static String resource(String path) {
        try (InputStream in = MysqlDatabaseExtension.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
