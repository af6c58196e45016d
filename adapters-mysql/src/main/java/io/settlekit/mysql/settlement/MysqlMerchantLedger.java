package io.settlekit.mysql.settlement;

import io.settlekit.mysql.Jdbc;
import io.settlekit.mysql.SqlTable;
import io.settlekit.settlement.LedgerOrder;
import io.settlekit.settlement.MerchantAccount;
import io.settlekit.settlement.port.MerchantLedger;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A merchant ledger over two simple tables (or views the host defines over its own tables), documented
 * in the README: {@code settlekit_merchant (merchant_id, name, fee_type, phone)} and
 * {@code settlekit_ledger_order (merchant_id, order_id, order_date, fee_type, amount_fen, paid_fen, status)}.
 * Each call reads up to 5,000 merchants per statement, so bills for 12,000 merchants take three
 * statements per table. Read-only.
 */
public final class MysqlMerchantLedger implements MerchantLedger {
    /** The default merchant table. */
    public static final String DEFAULT_MERCHANTS = "settlekit_merchant";
    /** The default order table. */
    public static final String DEFAULT_ORDERS = "settlekit_ledger_order";

    private final Jdbc jdbc;
    private final SqlTable merchants;
    private final SqlTable orders;

    /** A ledger over the default tables in the connection's default database. */
    public MysqlMerchantLedger(DataSource dataSource) {
        this(dataSource, SqlTable.of(DEFAULT_MERCHANTS), SqlTable.of(DEFAULT_ORDERS));
    }

    /**
     * @param dataSource the host's pool
     * @param merchants  the merchant table or view
     * @param orders     the order table or view
     */
    public MysqlMerchantLedger(DataSource dataSource, SqlTable merchants, SqlTable orders) {
        this.jdbc = new Jdbc(dataSource);
        this.merchants = Objects.requireNonNull(merchants, "merchants");
        this.orders = Objects.requireNonNull(orders, "orders");
    }

    @Override
    public Map<String, MerchantAccount> accounts(Collection<String> merchantIds) {
        Map<String, MerchantAccount> found = new LinkedHashMap<>();
        for (List<String> chunk : InLists.chunks(merchantIds)) {
            jdbc.query("reading " + chunk.size() + " merchant accounts from " + merchants,
                            "SELECT merchant_id, name, fee_type, phone FROM " + merchants.sql()
                                    + " WHERE merchant_id IN (" + InLists.placeholders(chunk.size()) + ")",
                            statement -> bindStrings(statement, chunk, 1),
                            row -> new MerchantAccount(row.getString(1), row.getString(2), row.getString(3),
                                    Optional.ofNullable(row.getString(4))))
                    .forEach(account -> found.put(account.id(), account));
        }
        return found;
    }

    @Override
    public Map<String, List<LedgerOrder>> openOrders(Collection<String> merchantIds, LocalDate since) {
        Map<String, List<LedgerOrder>> found = new LinkedHashMap<>();
        for (List<String> chunk : InLists.chunks(merchantIds)) {
            jdbc.query("reading open orders of " + chunk.size() + " merchants since " + since + " from " + orders,
                            "SELECT merchant_id, order_id, order_date, fee_type, amount_fen, paid_fen, status FROM " + orders.sql()
                                    + " WHERE merchant_id IN (" + InLists.placeholders(chunk.size()) + ")"
                                    + " AND (order_date >= ? OR paid_fen < amount_fen)",
                            statement -> {
                                bindStrings(statement, chunk, 1);
                                statement.setObject(chunk.size() + 1, since);
                            },
                            MysqlMerchantLedger::order)
                    .forEach(row -> found.computeIfAbsent(row.merchantId(), m -> new ArrayList<>()).add(row.order()));
        }
        // sorted here rather than by the server: without ORDER BY, MariaDB/MySQL read the merchants' rows along
        // the primary key (merchant_id, order_id) with no lookup from a secondary index into the table, 2-3x
        // faster on 1,000,000 orders (BENCHMARKS.md, reminder bills)
        found.values().forEach(orders -> orders.sort(BY_DATE_THEN_ID));
        return found;
    }

    private static final Comparator<LedgerOrder> BY_DATE_THEN_ID = Comparator.comparing(LedgerOrder::date).thenComparing(LedgerOrder::id);

    private record OrderRow(String merchantId, LedgerOrder order) {
    }

    private static OrderRow order(ResultSet row) throws SQLException {
        return new OrderRow(row.getString(1), LedgerOrder.of(row.getString(2), row.getObject(3, LocalDate.class),
                row.getString(4), row.getLong(5), row.getLong(6), row.getInt(7)));
    }

    private static void bindStrings(PreparedStatement statement, List<String> values, int first) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setString(first + i, values.get(i));
        }
    }
}
