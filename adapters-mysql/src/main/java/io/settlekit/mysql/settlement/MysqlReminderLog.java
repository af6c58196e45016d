package io.settlekit.mysql.settlement;

import io.settlekit.base.ValidationException;
import io.settlekit.mysql.Jdbc;
import io.settlekit.mysql.SqlTable;
import io.settlekit.money.Amount;
import io.settlekit.settlement.ReminderEntry;
import io.settlekit.settlement.ReminderKey;
import io.settlekit.settlement.ReminderStatus;
import io.settlekit.settlement.ReminderLog;

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
 * The reminder send log on a table of ours ({@code settlekit_reminder_log}, DDL in the README) whose
 * unique key on (merchant, period, date) makes claims atomic across processes and nodes: a claim is an
 * {@code INSERT} that only one caller can win; re-claiming a failed entry is an {@code UPDATE … WHERE
 * status = 'FAILED' AND attempts < ?} that, under InnoDB's row lock, only one caller can win too; settling
 * a send of unknown outcome is likewise an {@code UPDATE … WHERE status = 'UNKNOWN'} (the status fits the
 * existing {@code varchar(8)} column: no schema change), and taking over a stale claim is an
 * {@code UPDATE … WHERE status = 'CLAIMED' AND updated_at < ?}: a claim's {@code updated_at} is its claim
 * time, the start of its lease. {@code updated_at} is UTC, to the second.
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
    public boolean claim(ReminderKey key, Amount amountDue, int maxAttempts, Instant at) {
        String doing = "claiming the reminder of merchant " + key.merchantId() + " for " + key.reminderDate() + " in " + table;
        return jdbc.withConnection(doing, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table.sql() + " (" + COLUMNS + ")"
                    + " VALUES (?, ?, ?, 'CLAIMED', 1, ?, ?, '', ?)")) {
                bindKey(insert, key, 1);
                insert.setLong(4, amountDue.fen());
                insert.setString(5, amountDue.feeType());
                insert.setObject(6, utc(at));
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (e.getErrorCode() != DUPLICATE_KEY) {
                    throw e;
                }
            }
            try (PreparedStatement retry = connection.prepareStatement("UPDATE " + table.sql()
                    + " SET status = 'CLAIMED', attempts = attempts + 1, amount_fen = ?, fee_type = ?, detail = '', updated_at = ?"
                    + KEY + " AND status = 'FAILED' AND attempts < ?")) {
                retry.setLong(1, amountDue.fen());
                retry.setString(2, amountDue.feeType());
                retry.setObject(3, utc(at));
                bindKey(retry, key, 4);
                retry.setInt(7, maxAttempts);
                return retry.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void markSent(ReminderKey key, String providerReference, Instant at) {
        finish(key, ReminderStatus.SENT, providerReference, at);
    }

    @Override
    public void markFailed(ReminderKey key, String reason, Instant at) {
        finish(key, ReminderStatus.FAILED, reason, at);
    }

    @Override
    public void markUnknown(ReminderKey key, String reason, Instant at) {
        finish(key, ReminderStatus.UNKNOWN, reason, at);
    }

    @Override
    public boolean resolveUnknown(ReminderKey key, ReminderStatus outcome, String detail, Instant at) {
        if (outcome != ReminderStatus.SENT && outcome != ReminderStatus.FAILED) {
            throw ValidationException.invalid("outcome", String.valueOf(outcome), "must be SENT or FAILED");
        }
        return update(key, ReminderStatus.UNKNOWN, outcome, detail, at) == 1;
    }

    @Override
    public boolean expireClaim(ReminderKey key, Instant claimedBefore, String reason, Instant at) {
        String text = reason.length() <= MAX_DETAIL ? reason : reason.substring(0, MAX_DETAIL);
        return jdbc.update("taking over the stale claim of the reminder of merchant " + key.merchantId() + " in " + table,
                "UPDATE " + table.sql() + " SET status = 'UNKNOWN', detail = ?, updated_at = ?" + KEY
                        + " AND status = 'CLAIMED' AND updated_at < ?",
                statement -> {
                    statement.setString(1, text);
                    statement.setObject(2, utc(at));
                    bindKey(statement, key, 3);
                    statement.setObject(6, utc(claimedBefore));
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

    private void finish(ReminderKey key, ReminderStatus status, String detail, Instant at) {
        update(key, ReminderStatus.CLAIMED, status, detail, at);
    }

    /** Moves the entry from {@code from} to {@code to}; returns the rows changed (0 or 1). */
    private int update(ReminderKey key, ReminderStatus from, ReminderStatus to, String detail, Instant at) {
        String text = detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
        return jdbc.update("recording the " + to + " reminder of merchant " + key.merchantId() + " in " + table,
                "UPDATE " + table.sql() + " SET status = ?, detail = ?, updated_at = ?" + KEY + " AND status = ?",
                statement -> {
                    statement.setString(1, to.name());
                    statement.setString(2, text);
                    statement.setObject(3, utc(at));
                    bindKey(statement, key, 4);
                    statement.setString(7, from.name());
                });
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
