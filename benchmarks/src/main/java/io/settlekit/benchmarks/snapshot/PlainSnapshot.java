package io.settlekit.benchmarks.snapshot;

import com.mongodb.client.MongoCollection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * The baseline of the snapshot path: one streaming JDBC scan of the open groups ({@code fetchSize =
 * Integer.MIN_VALUE}, rows never held) turned into documents with the same fields as Settlekit's (every
 * source column, load date, insert time, rate, CNY balance, run id) and written with {@code insertMany}
 * in batches of the same size. No staging, summary or validation.
 */
final class PlainSnapshot {
    private static final String SQL = "SELECT id, uuid, created_at, updated_at, deleted_at, seller_id, financial_event_group_id,"
            + " processing_status, fund_transfer_status, fund_transfer_date, trace_id, account_tail, original_total_amount,"
            + " converted_total_amount, beginning_balance_amount, financial_event_group_start, financial_event_group_end,"
            + " currency_code, ext_hash FROM mws_financial_event_groups WHERE processing_status = 'Open' AND deleted_at IS NULL ORDER BY id";

    private final DataSource dataSource;
    private final Map<String, BigDecimal> rates;
    private final int batchSize;
    private final ZoneId zone;

    PlainSnapshot(DataSource dataSource, Map<String, BigDecimal> rates, int batchSize, ZoneId zone) {
        this.zone = zone;
        this.dataSource = dataSource;
        this.rates = rates;
        this.batchSize = batchSize;
    }

    /** Copies the open groups of {@code day} into {@code documents}; returns how many; samples the heap every 10,000. */
    long run(LocalDate day, MongoCollection<Document> documents, HeapSampler heap) throws SQLException {
        String runId = UUID.randomUUID().toString();
        Date now = new Date();
        long written = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SQL, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(Integer.MIN_VALUE);
            try (ResultSet rows = statement.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                List<Document> batch = new ArrayList<>(batchSize);
                while (rows.next()) {
                    Document document = new Document();
                    for (int column = 2; column <= meta.getColumnCount(); column++) {
                        document.put(meta.getColumnLabel(column), bson(rows.getObject(column)));
                    }
                    BigDecimal rate = rates.get(rows.getString("currency_code"));
                    BigDecimal rounded = rows.getBigDecimal("original_total_amount").setScale(0, RoundingMode.HALF_UP);
                    document.put("original_total_amount", new Decimal128(rounded));
                    document.put("load_date", day.toString());
                    document.put("insert_time", now);
                    document.put("exchange_rate", new Decimal128(rate));
                    document.put("cny_balance", new Decimal128(rounded.multiply(rate).setScale(2, RoundingMode.HALF_UP)));
                    document.put("run_id", runId);
                    batch.add(document);
                    if (batch.size() == batchSize) {
                        documents.insertMany(batch);
                        written += batch.size();
                        batch = new ArrayList<>(batchSize);
                        if (heap != null && written % 10_000 == 0) {
                            heap.sample();
                        }
                    }
                }
                if (!batch.isEmpty()) {
                    documents.insertMany(batch);
                    written += batch.size();
                }
            }
        }
        return written;
    }

    private Object bson(Object value) {
        if (value instanceof BigDecimal decimal) {
            return new Decimal128(decimal);
        }
        if (value instanceof Timestamp timestamp) {
            return new Date(timestamp.getTime());
        }
        if (value instanceof LocalDateTime local) {
            return Date.from(local.atZone(zone).toInstant());
        }
        return value;
    }
}
