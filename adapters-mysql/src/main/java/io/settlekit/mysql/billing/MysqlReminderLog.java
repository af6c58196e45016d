package io.settlekit.mysql.billing;

import io.settlekit.base.ValidationException;
import io.settlekit.mysql.Jdbc;
import io.settlekit.mysql.SqlTable;
import io.settlekit.money.Amount;
import io.settlekit.billing.reminder.ReminderEntry;
import io.settlekit.billing.reminder.ReminderKey;
import io.settlekit.billing.reminder.ReminderStatus;
import io.settlekit.billing.reminder.ReminderLog;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The reminder send log on a table of ours ({@code settlekit_reminder_log}, DDL in the README). It only
 * stores: the status rules are {@link io.settlekit.billing.reminder.ReminderTransitions}'. The unique key on
 * (merchant, period, date) makes {@link #insert} (an {@code INSERT} that only one caller can win) exclusive
 * across processes and nodes, and {@link #replace} is an {@code UPDATE … WHERE status = ? AND attempts = ?
 * AND updated_at = ?} that, under InnoDB's row lock, only one caller of the same expected version can win.
 * The status fits the existing {@code varchar(8)} column and the version is made of existing columns: no
 * schema change. {@code updated_at} is UTC, to the second; a detail is cut to its 512 characters.
 *
 * <p>Thread-safe: final fields only; every call borrows its own connection, and concurrent writers are settled by the
 * database's conditional updates.
 */
public final class MysqlReminderLog implements ReminderLog {
    /** The default table name. */
    public static final String DEFAULT_TABLE = "settlekit_reminder_log";

    /** MySQL's duplicate-key error. */
    private static final int DUPLICATE_KEY = 1062;
    private static final int MAX_DETAIL = 512;
    private static final String COLUMNS = "merchant_id, period_begin, reminder_date, status, attempts, amount_fen, fee_type, detail, updated_at";
    private static final String KEY = " WHERE merchant_id = ? AND period_begin = ? AND reminder_date = ?";

    private final Jdbc jdbc;
    private final SqlTable table;

    /** A log over {@code settlekit_reminder_log} in the connection's default database. */
    public MysqlReminderLog(DataSource dataSource) {
        this(dataSource, SqlTable.of(DEFAULT_TABLE));
    }

    /** A log over {@code table} (the columns of the README's DDL). */
    public MysqlReminderLog(DataSource dataSource, SqlTable table) {
        this.jdbc = new Jdbc(dataSource);
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public boolean insert(ReminderEntry entry) {
        Objects.requireNonNull(entry, "entry");
        ReminderKey key = entry.key();
        String doing = "storing the reminder of merchant " + key.merchantId() + " for " + key.reminderDate() + " in " + table;
        return jdbc.withConnection(doing, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table.sql() + " (" + COLUMNS + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bindKey(insert, key, 1);
                bindState(insert, entry, 4);
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (e.getErrorCode() != DUPLICATE_KEY) {
                    throw e;
                }
                return false; // the unique key: another caller stored this key first
            }
        });
    }

    @Override
    public boolean replace(ReminderEntry expected, ReminderEntry updated) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(updated, "updated");
        ReminderKey key = expected.key();
        if (!key.equals(updated.key())) {
            throw ValidationException.invalid("key", updated.key(), "differs from the expected entry's " + key);
        }
        return jdbc.update("recording the " + updated.status() + " reminder of merchant " + key.merchantId() + " in " + table,
                "UPDATE " + table.sql() + " SET status = ?, attempts = ?, amount_fen = ?, fee_type = ?, detail = ?, updated_at = ?"
                        + KEY + " AND status = ? AND attempts = ? AND updated_at = ?",
                statement -> {
                    bindState(statement, updated, 1);
                    bindKey(statement, key, 7);
                    statement.setString(10, expected.status().name());
                    statement.setInt(11, expected.attempts());
                    statement.setObject(12, utc(expected.updatedAt()));
                }) == 1;
    }

    @Override
    public Optional<ReminderEntry> find(ReminderKey key) {
        return jdbc.queryFirst("reading the reminder of merchant " + key.merchantId() + " from " + table,
                "SELECT " + COLUMNS + " FROM " + table.sql() + KEY,
                statement -> bindKey(statement, key, 1),
                MysqlReminderLog::entry);
    }

    @Override
    public List<ReminderEntry> entriesBetween(LocalDate from, LocalDate to) {
        return jdbc.query("listing reminders from " + from + " to " + to + " in " + table,
                "SELECT " + COLUMNS + " FROM " + table.sql() + " WHERE reminder_date BETWEEN ? AND ?"
                        + " ORDER BY reminder_date, merchant_id, period_begin",
                statement -> {
                    statement.setObject(1, from);
                    statement.setObject(2, to);
                },
                MysqlReminderLog::entry);
    }

    /** Binds status, attempts, amount, fee type, detail (cut to the column) and update time from {@code first}. */
    private static void bindState(PreparedStatement statement, ReminderEntry entry, int first) throws SQLException {
        String detail = entry.detail().orElse("");
        statement.setString(first, entry.status().name());
        statement.setInt(first + 1, entry.attempts());
        statement.setLong(first + 2, entry.amountDue().fen());
        statement.setString(first + 3, entry.amountDue().feeType());
        statement.setString(first + 4, detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL));
        statement.setObject(first + 5, utc(entry.updatedAt()));
    }

    private static void bindKey(PreparedStatement statement, ReminderKey key, int first) throws SQLException {
        statement.setString(first, key.merchantId());
        statement.setObject(first + 1, key.periodBegin());
        statement.setObject(first + 2, key.reminderDate());
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static ReminderEntry entry(ResultSet row) throws SQLException {
        String detail = row.getString(8);
        return new ReminderEntry(
                new ReminderKey(row.getString(1), row.getObject(2, LocalDate.class), row.getObject(3, LocalDate.class)),
                ReminderStatus.valueOf(row.getString(4)),
                row.getInt(5),
                Amount.ofMinor(row.getString(7), row.getLong(6)),
                detail == null || detail.isEmpty() ? Optional.empty() : Optional.of(detail),
                row.getObject(9, LocalDateTime.class).toInstant(ZoneOffset.UTC));
    }
}
