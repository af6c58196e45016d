package io.settlekit.mysql;

import io.settlekit.base.InfrastructureException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The adapters' small JDBC helper: prepared statements only, resources always closed, and every
 * {@link SQLException} wrapped in an {@link InfrastructureException} that says what was being done and
 * keeps the cause. Connection URLs and credentials never reach a message.
 *
 * <p>Thread-safe when its data source is (a pool is): every call borrows its own connection.
 */
public final class Jdbc {
    private final DataSource dataSource;

    /** A helper borrowing connections from {@code dataSource} (the host's pool). */
    public Jdbc(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Binds the parameters of a prepared statement. */
    @FunctionalInterface
    public interface Binder {
        /** Sets the statement's parameters. */
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        /** Reads one row. */
        T map(ResultSet row) throws SQLException;
    }

    /** Work done on one borrowed connection. */
    @FunctionalInterface
    public interface ConnectionWork<T> {
        /** Does the work. */
        T run(Connection connection) throws SQLException;
    }

    /** Runs a query and maps every row. */
    public <T> List<T> query(String doing, String sql, Binder binder, RowMapper<T> mapper) {
        return withConnection(doing, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    List<T> result = new ArrayList<>();
                    while (rows.next()) {
                        result.add(mapper.map(rows));
                    }
                    return result;
                }
            }
        });
    }

    /** Takes the current row of a streamed result set. */
    @FunctionalInterface
    public interface RowConsumer {
        /** Reads one row (it may skip it). */
        void accept(ResultSet row) throws SQLException;
    }

    /**
     * Runs a query and hands every row to {@code consumer} as it arrives, without holding the result in
     * memory ({@code fetchSize = Integer.MIN_VALUE}: MySQL Connector/J streams the rows). The consumer must
     * not use the database: the connection is busy until the last row.
     */
    public void stream(String doing, String sql, Binder binder, RowConsumer consumer) {
        withConnection(doing, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(Integer.MIN_VALUE);
                binder.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        consumer.accept(rows);
                    }
                }
            }
            return null;
        });
    }

    /** Runs a query and maps its first row, if any. */
    public <T> Optional<T> queryFirst(String doing, String sql, Binder binder, RowMapper<T> mapper) {
        return withConnection(doing, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                statement.setMaxRows(1);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
                }
            }
        });
    }

    /** Runs an insert, update or delete and returns the update count. */
    public int update(String doing, String sql, Binder binder) {
        return withConnection(doing, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                return statement.executeUpdate();
            }
        });
    }

    /**
     * Runs {@code work} on one connection borrowed from the pool and returned afterwards. A connection that
     * failed because it is gone ({@link #isConnectionLost}) is {@linkplain #discard discarded} before it is
     * returned, so the pool never lends it again.
     */
    public <T> T withConnection(String doing, ConnectionWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            try {
                return work.run(connection);
            } catch (SQLException e) {
                if (isConnectionLost(e)) {
                    discard(connection);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw failure(doing, e);
        }
    }

    /**
     * Whether {@code e} means the connection itself is gone: an SQLState of class {@code 08}, or an I/O error
     * underneath. Connector/J reports a connection lost in the middle of a streamed result set as
     * {@code S1000} ("Error retrieving record") with the {@code EOFException} only as the cause, which pools
     * (HikariCP evicts on {@code 08…}) do not recognise.
     */
    static boolean isConnectionLost(SQLException e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof java.io.IOException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Closes the physical connection behind {@code connection} so that a pool evicts it instead of lending
     * it again: measured with a {@code KILL CONNECTION} in the middle of a streamed scan, the pool otherwise
     * kept the dead connection, still holding its half-read streaming result, and the rerun of the job
     * failed on it ("Streaming result set … is still active"). {@link Connection#abort} closes it; one call
     * on the aborted connection then fails with the driver's "connection closed" ({@code 08003}), the state
     * pools watch to evict. Without a pool both steps are harmless.
     */
    static void discard(Connection connection) {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException alreadyGone) {
            // the connection is unusable either way
        }
        try (java.sql.Statement probe = connection.createStatement()) {
            probe.getWarnings();
        } catch (SQLException expected) {
            // "No operations allowed after connection closed" (08003): what makes the pool evict it
        }
    }

    /**
     * A {@code DATETIME(3)} value as text with its milliseconds. Bind millisecond times this way: the
     * driver takes MariaDB for MySQL 5.5 and silently drops the fraction of a bound {@code LocalDateTime}.
     */
    public static String millisText(java.time.LocalDateTime time) {
        return time.format(MILLIS_TEXT);
    }

    private static final java.time.format.DateTimeFormatter MILLIS_TEXT =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    /** The SDK's error for a failed database call. */
    public static InfrastructureException failure(String doing, SQLException e) {
        return new InfrastructureException("MySQL failed while " + doing + " (SQLState " + e.getSQLState()
                + ", error " + e.getErrorCode() + ")", e);
    }
}
