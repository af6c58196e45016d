package io.settlekit.mysql.billing;

import io.settlekit.mysql.Jdbc;
import io.settlekit.mysql.SqlTable;
import io.settlekit.base.SettlekitException;
import io.settlekit.billing.LedgerOrder;
import io.settlekit.billing.LedgerRows;
import io.settlekit.billing.MerchantAccount;
import io.settlekit.billing.MerchantLedger;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A merchant ledger over two simple tables (or views the host defines over its own tables), documented
 * in the README: {@code settlekit_merchant (merchant_id, name, fee_type, phone)} and
 * {@code settlekit_ledger_order (merchant_id, order_id, order_date, fee_type, amount_fen, paid_fen, status)}.
 * Each call is one statement whatever the number of merchants: an {@code IN} list of up to 5,000 ids,
 * or above that one streaming scan of the table keeping only the requested merchants. Read-only. A row
 * whose values the core refuses (an over-long phone, an unknown fee type, a negative amount) makes its
 * merchant unreadable ({@link LedgerRows#unreadable()}) and the rest of the batch is read on.
 *
 * <p>Thread-safe: final fields only; every read borrows its own connection and collects into its own builder.
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
    public LedgerRows<MerchantAccount> accounts(Collection<String> merchantIds) {
        Set<String> wanted = new LinkedHashSet<>(merchantIds);
        LedgerRows.Builder<MerchantAccount> found = LedgerRows.builder();
        if (wanted.isEmpty()) {
            return found.build();
        }
        boolean scan = InLists.scan(wanted.size());
        List<String> ids = scan ? List.of() : List.copyOf(wanted);
        jdbc.stream("reading " + wanted.size() + " merchant accounts from " + merchants,
                "SELECT merchant_id, name, fee_type, phone FROM " + merchants.sql()
                        + (scan ? "" : " WHERE merchant_id IN (" + InLists.placeholders(ids.size()) + ")"),
                statement -> bindStrings(statement, ids, 1),
                row -> {
                    String id = row.getString(1);
                    if (!scan || wanted.contains(id)) {
                        try {
                            found.found(id, new MerchantAccount(id, row.getString(2), row.getString(3), Optional.ofNullable(row.getString(4))));
                        } catch (SettlekitException bad) { // the message names the field, never a phone number
                            found.unreadable(id, bad.getMessage());
                        }
                    }
                });
        return found.build();
    }

    /**
     * One statement whatever the number of merchants: an {@code IN} list of up to {@link InLists#CHUNK}
     * ids, or above that one streaming scan of every open order, keeping the requested merchants' (reading
     * 12,000 merchants' orders by three {@code IN} lists cost MariaDB more than one scan of the table).
     */
    @Override
    public LedgerRows<List<LedgerOrder>> openOrders(Collection<String> merchantIds, LocalDate since) {
        Set<String> wanted = new LinkedHashSet<>(merchantIds);
        LedgerRows.Builder<List<LedgerOrder>> found = LedgerRows.builder();
        if (wanted.isEmpty()) {
            return found.build();
        }
        boolean scan = InLists.scan(wanted.size());
        List<String> ids = scan ? List.of() : List.copyOf(wanted);
        jdbc.stream("reading open orders of " + wanted.size() + " merchants since " + since + " from " + orders,
                "SELECT merchant_id, order_id, order_date, fee_type, amount_fen, paid_fen, status FROM " + orders.sql()
                        + " WHERE " + (scan ? "" : "merchant_id IN (" + InLists.placeholders(ids.size()) + ") AND ")
                        + "(order_date >= ? OR paid_fen < amount_fen)",
                statement -> {
                    bindStrings(statement, ids, 1);
                    statement.setObject(ids.size() + 1, since);
                },
                new OrderCollector(scan ? wanted : null, found));
        // sorted here rather than by the server: without ORDER BY, MariaDB/MySQL read the merchants' rows along
        // the primary key (merchant_id, order_id) with no lookup from a secondary index into the table, which
        // is faster on large ledgers (see BENCHMARKS.md, reminder bills)
        LedgerRows<List<LedgerOrder>> rows = found.build();
        rows.found().values().forEach(orders -> orders.sort(BY_DATE_THEN_ID));
        return rows;
    }

    /** By date, then id; written out rather than composed from key extractors (a profiled cost over 1,000,000 orders). */
    private static final Comparator<LedgerOrder> BY_DATE_THEN_ID = (a, b) -> {
        int byDate = a.date().compareTo(b.date());
        return byDate != 0 ? byDate : a.id().compareTo(b.id());
    };

    /**
     * Groups streamed order rows by merchant; rows come merchant after merchant along the primary key, so
     * the current merchant's list is kept at hand instead of looked up per row.
     */
    private static final class OrderCollector implements Jdbc.RowConsumer {
        private final Set<String> keep;
        private final LedgerRows.Builder<List<LedgerOrder>> found;
        private String merchant;
        private List<LedgerOrder> current;

        OrderCollector(Set<String> keep, LedgerRows.Builder<List<LedgerOrder>> found) {
            this.keep = keep;
            this.found = found;
        }

        @Override
        public void accept(ResultSet row) throws SQLException {
            String id = row.getString(1);
            if (!id.equals(merchant)) {
                merchant = id;
                current = keep == null || keep.contains(id) ? orderListOf(id) : null;
            }
            if (current == null) {
                return; // not asked for, or already unreadable
            }
            String orderId = row.getString(2);
            try {
                current.add(LedgerOrder.of(orderId, row.getObject(3, LocalDate.class),
                        row.getString(4), row.getLong(5), row.getLong(6), row.getInt(7)));
            } catch (SettlekitException bad) { // one bad order makes the merchant's bills unknowable, not the batch's
                found.unreadable(id, "order " + orderId + ": " + bad.getMessage());
                current = null;
            }
        }

        /** The merchant's list, or {@code null} when it is unreadable (rows of one merchant may come apart in a scan). */
        private List<LedgerOrder> orderListOf(String id) {
            if (found.isUnreadable(id)) {
                return null;
            }
            Optional<List<LedgerOrder>> existing = found.current(id);
            if (existing.isPresent()) {
                return existing.get();
            }
            List<LedgerOrder> list = new ArrayList<>();
            found.found(id, list);
            return list;
        }
    }

    private static void bindStrings(PreparedStatement statement, List<String> values, int first) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setString(first + i, values.get(i));
        }
    }
}
