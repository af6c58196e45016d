package io.settlekit.benchmarks.reminders;

import io.settlekit.Settlekit;
import io.settlekit.mysql.billing.MysqlMerchantLedger;
import io.settlekit.mysql.billing.MysqlPlanStore;
import io.settlekit.billing.Bill;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * The two ways the path computes what every merchant owes on the reminder day: Settlekit's
 * {@code Bills.bills} over the MySQL plan store and merchant ledger (as the reminder job reads them),
 * and the one aggregate SQL over the same unpaid orders. Both return the total owed, in fen, so the
 * path can check they agree.
 */
final class ReminderVariants {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Reminder day of monthly 5/10 with a 2-day reminder: pending period 2017-09-05…10-04, settled 10-10. */
    static final LocalDate DAY = LocalDate.parse("2017-10-08");
    private static final LocalDate PENDING_END = LocalDate.parse("2017-10-04");
    private static final String AGGREGATE = "SELECT merchant_id, SUM(amount_fen - paid_fen) FROM settlekit_ledger_order"
            + " WHERE paid_fen < amount_fen AND order_date <= ? GROUP BY merchant_id";

    private static final String OPEN_ORDERS = "SELECT merchant_id, order_id, order_date, fee_type, amount_fen, paid_fen, status"
            + " FROM settlekit_ledger_order WHERE order_date >= ? OR paid_fen < amount_fen";
    private static final LocalDate PENDING_BEGIN = LocalDate.parse("2017-09-05");

    private final DataSource dataSource;
    private final Settlekit kit;

    /**
     * @param dataSource the pool the baseline reads through
     * @param counted    the same pool, counting statements, that Settlekit's adapters read through
     */
    ReminderVariants(DataSource dataSource, DataSource counted) {
        this.dataSource = dataSource;
        this.kit = Settlekit.embedded()
                .clock(Clock.fixed(Instant.parse("2017-10-08T01:00:00Z"), ZONE))
                .zone(ZONE)
                .planStore(new MysqlPlanStore(counted, ZONE))
                .merchantLedger(new MysqlMerchantLedger(counted))
                .build();
    }

    /** Settlekit: the bills of {@code merchants} on the reminder day; returns the total due. */
    long settlekit(List<String> merchants) {
        Map<String, Bill> bills = kit.bills().bills(merchants, DAY);
        if (bills.size() != merchants.size()) {
            throw new IllegalStateException(bills.size() + " bills for " + merchants.size() + " merchants");
        }
        long due = 0;
        for (Bill bill : bills.values()) {
            due += bill.due().fen();
        }
        return due;
    }

    /**
     * The reference: the rows Settlekit's bills are computed from (every merchant's orders of the pending
     * period and after, and unpaid older ones) read by one plain streaming query, every column read and
     * nothing else done; returns the rows read.
     */
    long referenceOpenOrders() throws SQLException {
        long rows = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(OPEN_ORDERS, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(Integer.MIN_VALUE);
            statement.setObject(1, PENDING_BEGIN);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    row.getString(1);
                    row.getString(2);
                    row.getObject(3, LocalDate.class);
                    row.getString(4);
                    row.getLong(5);
                    row.getLong(6);
                    row.getInt(7);
                    rows++;
                }
            }
        }
        return rows;
    }

    /** The baseline: one GROUP BY over the unpaid orders up to the pending period's end; returns the total. */
    long baseline() throws SQLException {
        Map<String, Long> owed = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(AGGREGATE)) {
            statement.setObject(1, PENDING_END);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    owed.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return owed.values().stream().mapToLong(Long::longValue).sum();
    }
}
