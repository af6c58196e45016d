package io.settlekit.mysql.money;

import io.settlekit.mysql.Jdbc;
import io.settlekit.mysql.SqlTable;
import io.settlekit.money.FeeRate;
import io.settlekit.money.FeeRateStore;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The stations' rate history over the seed's {@code tbl_fee_rate}, exactly as its DDL has it: appends
 * rows (never updates), reads only live rows ({@code pstatus = 0}), and leaves {@code delete_time} and the
 * {@code extra*} columns at their defaults.
 *
 * <p>{@code create_time} is a zone-less {@code DATETIME}: it is written and read as local time in the
 * zone given here (the hosts write their deployment zone's local time). {@code group_id} has no default
 * in the seed's DDL; the value given here is written with every rate. Station ids are compared
 * byte-for-byte whatever the column's collation, so {@code T1} and {@code t1} are different stations, as
 * in the in-memory store.
 *
 * <p>Thread-safe: final fields only; every call borrows its own connection.
 */
public final class MysqlFeeRateStore implements FeeRateStore {
    /** The seed's table name. */
    public static final String DEFAULT_TABLE = "tbl_fee_rate";

    private static final String COLUMNS = "station_id, from_fee_type, to_fee_type, value, create_time";
    /** Live rows of one station (bound twice: the indexed comparison, then the byte-exact one). */
    private static final String LIVE_ROWS_OF_STATION =
            " WHERE station_id = ? AND CAST(station_id AS BINARY) = CAST(? AS BINARY) AND pstatus = 0";

    private final Jdbc jdbc;
    private final SqlTable table;
    private final ZoneId zone;
    private final int groupId;

    /** A store over {@code tbl_fee_rate} in the connection's default database, group id 0. */
    public MysqlFeeRateStore(DataSource dataSource, ZoneId zone) {
        this(dataSource, SqlTable.of(DEFAULT_TABLE), zone, 0);
    }

    /**
     * @param dataSource the host's pool
     * @param table      the rate table (the seed's columns)
     * @param zone       the zone of the {@code create_time} column's local times
     * @param groupId    the value to write into {@code group_id}
     */
    public MysqlFeeRateStore(DataSource dataSource, SqlTable table, ZoneId zone, int groupId) {
        this.jdbc = new Jdbc(dataSource);
        this.table = Objects.requireNonNull(table, "table");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.groupId = groupId;
    }

    @Override
    public void append(FeeRate rate) {
        LocalDateTime savedAt = LocalDateTime.ofInstant(rate.savedAt(), zone);
        jdbc.update("saving a rate of station " + rate.station() + " into " + table,
                "INSERT INTO " + table.sql()
                        + " (station_id, from_fee_type, to_fee_type, value, group_id, create_time, modify_time)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                statement -> {
                    statement.setString(1, rate.station());
                    statement.setString(2, rate.from());
                    statement.setString(3, rate.to());
                    statement.setBigDecimal(4, rate.value());
                    statement.setInt(5, groupId);
                    statement.setObject(6, savedAt);
                    statement.setObject(7, savedAt);
                });
    }

    @Override
    public Optional<FeeRate> rateAt(String station, String from, String to, Instant at) {
        return jdbc.queryFirst("reading the rate " + from + "->" + to + " of station " + station + " from " + table,
                "SELECT " + COLUMNS + " FROM " + table.sql()
                        + LIVE_ROWS_OF_STATION + " AND from_fee_type = ? AND to_fee_type = ? AND create_time <= ?"
                        + " ORDER BY create_time DESC, id DESC",
                statement -> {
                    statement.setString(1, station);
                    statement.setString(2, station);
                    statement.setString(3, from);
                    statement.setString(4, to);
                    statement.setObject(5, LocalDateTime.ofInstant(at, zone));
                },
                this::rate);
    }

    @Override
    public List<FeeRate> ratesAt(String station, Instant at) {
        List<FeeRate> newestFirstPerPair = jdbc.query("listing the rates of station " + station + " from " + table,
                "SELECT " + COLUMNS + " FROM " + table.sql()
                        + LIVE_ROWS_OF_STATION + " AND create_time <= ?"
                        + " ORDER BY from_fee_type, to_fee_type, create_time DESC, id DESC",
                statement -> {
                    statement.setString(1, station);
                    statement.setString(2, station);
                    statement.setObject(3, LocalDateTime.ofInstant(at, zone));
                },
                this::rate);
        List<FeeRate> current = new ArrayList<>();
        for (FeeRate rate : newestFirstPerPair) {
            FeeRate previous = current.isEmpty() ? null : current.get(current.size() - 1);
            if (previous == null || !previous.from().equals(rate.from()) || !previous.to().equals(rate.to())) {
                current.add(rate);
            }
        }
        return current;
    }

    private FeeRate rate(ResultSet row) throws SQLException {
        return new FeeRate(row.getString(1), row.getString(2), row.getString(3), row.getBigDecimal(4),
                row.getObject(5, LocalDateTime.class).atZone(zone).toInstant());
    }
}
