package io.settlekit.mysql.billing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.settlekit.mysql.Jdbc;
import io.settlekit.mysql.MysqlDatabaseExtension;
import io.settlekit.billing.LedgerOrder;
import io.settlekit.billing.MerchantAccount;
import io.settlekit.billing.StoredPlan;

import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Fast bulk inserts of test rows (batched, with the driver's batch rewriting) into the settlement tables. */
final class BillingRows {
    private BillingRows() {
    }

    /** Inserts accounts and orders into {@code settlekit_merchant} and {@code settlekit_ledger_order}. */
    static void insertLedger(MysqlDatabaseExtension db, List<MerchantAccount> accounts, Map<String, List<LedgerOrder>> orders) {
        try (HikariDataSource bulk = bulkPool(db)) {
            new Jdbc(bulk).withConnection("filling the test ledger", connection -> {
                try (PreparedStatement merchant = connection.prepareStatement(
                        "INSERT INTO settlekit_merchant (merchant_id, name, fee_type, phone) VALUES (?, ?, ?, ?)")) {
                    for (MerchantAccount account : accounts) {
                        merchant.setString(1, account.id());
                        merchant.setString(2, account.name());
                        merchant.setString(3, account.feeType());
                        merchant.setString(4, account.phone().orElse(null));
                        merchant.addBatch();
                    }
                    merchant.executeBatch();
                }
                try (PreparedStatement order = connection.prepareStatement("INSERT INTO settlekit_ledger_order"
                        + " (merchant_id, order_id, order_date, fee_type, amount_fen, paid_fen, status) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    for (Map.Entry<String, List<LedgerOrder>> entry : orders.entrySet()) {
                        for (LedgerOrder o : entry.getValue()) {
                            order.setString(1, entry.getKey());
                            order.setString(2, o.id());
                            order.setObject(3, o.date());
                            order.setString(4, o.amount().feeType());
                            order.setLong(5, o.amount().fen());
                            order.setLong(6, o.paid());
                            order.setInt(7, o.status());
                            order.addBatch();
                        }
                    }
                    order.executeBatch();
                }
                return null;
            });
        }
    }

    /** Inserts plan rows through {@link MysqlPlanStore}'s encoding, but in one batch. */
    static void insertPlans(MysqlDatabaseExtension db, List<StoredPlan> rows, ZoneId zone) {
        try (HikariDataSource bulk = bulkPool(db)) {
            new Jdbc(bulk).withConnection("filling the test plans", connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tbl_user_pay_method"
                        + " (user_id, pay_method, begin_day, settle_day, cycle_length, delay_day, effective_date, settle_remind, create_time)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (StoredPlan row : rows) {
                        if (!(row.plan().cycle() instanceof io.settlekit.billing.Cycle.Monthly monthly)) {
                            throw new IllegalArgumentException("bulk test plans are monthly");
                        }
                        insert.setInt(1, Integer.parseInt(row.merchantId()));
                        insert.setInt(2, 3);
                        insert.setInt(3, monthly.beginDay());
                        insert.setInt(4, monthly.settleDay());
                        insert.setInt(5, 0);
                        insert.setInt(6, 0);
                        insert.setObject(7, row.plan().effectiveDate());
                        insert.setInt(8, row.plan().remind().wireValue());
                        insert.setObject(9, LocalDateTime.ofInstant(row.savedAt(), zone));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return null;
            });
        }
    }

    private static HikariDataSource bulkPool(MysqlDatabaseExtension db) {
        String url = db.mysql().jdbcUrl();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true");
        config.setUsername(db.mysql().user());
        config.setPassword(db.mysql().password());
        config.setMaximumPoolSize(1);
        return new HikariDataSource(config);
    }
}
