package io.settlekit.mysql.money;

import io.settlekit.mysql.Jdbc;
import io.settlekit.mysql.SqlTable;
import io.settlekit.money.FeeType;
import io.settlekit.money.FeeTypeCodes;
import io.settlekit.money.FeeTypeStore;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The fee type catalog over the seed's {@code tbl_fee_type} ({@code fee_type}, {@code unit}, {@code name},
 * {@code symbol}), read-only. Codes are matched case-sensitively whatever the table's collation; when the
 * table holds a code twice, the row with the lowest id wins. Rows whose code is not three upper-case
 * letters are ignored.
 *
 * <p>Thread-safe: final fields only; every call borrows its own connection.
 */
public final class MysqlFeeTypeStore implements FeeTypeStore {
    /** The seed's table name. */
    public static final String DEFAULT_TABLE = "tbl_fee_type";

    private final Jdbc jdbc;
    private final SqlTable table;

    /** A catalog over {@code tbl_fee_type} in the connection's default database. */
    public MysqlFeeTypeStore(DataSource dataSource) {
        this(dataSource, SqlTable.of(DEFAULT_TABLE));
    }

    /** A catalog over {@code table}. */
    public MysqlFeeTypeStore(DataSource dataSource, SqlTable table) {
        this.jdbc = new Jdbc(dataSource);
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public List<FeeType> all() {
        Map<String, FeeType> byCode = new LinkedHashMap<>();
        jdbc.query("listing fee types of " + table,
                "SELECT fee_type, unit, name, symbol FROM " + table.sql() + " ORDER BY fee_type, id",
                statement -> { },
                MysqlFeeTypeStore::row)
                .stream().flatMap(Optional::stream)
                .forEach(type -> byCode.putIfAbsent(type.code(), type));
        return List.copyOf(byCode.values());
    }

    @Override
    public Optional<FeeType> find(String code) {
        if (!FeeTypeCodes.isWellFormed(code)) {
            return Optional.empty();
        }
        return jdbc.queryFirst("reading fee type " + code + " of " + table,
                "SELECT fee_type, unit, name, symbol FROM " + table.sql()
                        + " WHERE fee_type = ? AND CAST(fee_type AS BINARY) = CAST(? AS BINARY) ORDER BY id",
                statement -> {
                    statement.setString(1, code);
                    statement.setString(2, code);
                },
                MysqlFeeTypeStore::row)
                .flatMap(type -> type);
    }

    private static Optional<FeeType> row(ResultSet row) throws SQLException {
        String code = row.getString(1);
        if (code == null || !FeeTypeCodes.isWellFormed(code)) {
            return Optional.empty();
        }
        return Optional.of(new FeeType(code, row.getString(2), row.getString(3), row.getString(4)));
    }
}
