package io.settlekit.mongo;

import io.settlekit.balance.BalanceSnapshot;
import io.settlekit.balance.FinancialEventGroup;
import io.settlekit.balance.SnapshotRun;
import io.settlekit.balance.SnapshotSummary;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * The BSON shapes of seed 003: {@code financial_event_group} documents and
 * {@code financial_event_group_summary} documents, with the seed's field names; amounts and rates are
 * {@code Decimal128}, times are BSON dates, {@code load_date} is {@code yyyy-MM-dd}. Absent source values
 * are stored as {@code null}.
 *
 * <p>Beyond the seed's fields: {@code run_id} (the run a document or summary belongs to),
 * {@code source_original_total_amount} (the exact source amount, since {@code original_total_amount} holds
 * the seed's rounded integer), and in summaries {@code run_started_at}, {@code document_count},
 * {@code station} and {@code rates}.
 */
final class SnapshotDocuments {
    static final String LOAD_DATE = "load_date";
    static final String INSERT_TIME = "insert_time";
    static final String RUN_ID = "run_id";
    static final String UUID = "uuid";
    static final String RUN_STARTED_AT = "run_started_at";

    private static final DateTimeFormatter SUMMARY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private SnapshotDocuments() {
    }

    static Document toDocument(BalanceSnapshot snapshot, String runId) {
        FinancialEventGroup group = snapshot.group();
        Document document = new Document();
        document.put(LOAD_DATE, snapshot.loadDate().toString());
        document.put(INSERT_TIME, Date.from(snapshot.insertTime()));
        document.put(UUID, group.uuid());
        document.put("created_at", date(group.createdAt()));
        document.put("updated_at", date(group.updatedAt()));
        document.put("deleted_at", date(group.deletedAt()));
        document.put("seller_id", group.sellerId());
        document.put("financial_event_group_id", group.financialEventGroupId());
        document.put("processing_status", group.processingStatus());
        document.put("fund_transfer_status", group.fundTransferStatus().orElse(null));
        document.put("fund_transfer_date", date(group.fundTransferDate()));
        document.put("trace_id", group.traceId().orElse(null));
        document.put("account_tail", group.accountTail().orElse(null));
        document.put("original_total_amount", decimal(snapshot.originalTotalAmount()));
        document.put("converted_total_amount", group.convertedTotalAmount().map(SnapshotDocuments::decimal).orElse(null));
        document.put("beginning_balance_amount", group.beginningBalanceAmount().map(SnapshotDocuments::decimal).orElse(null));
        document.put("financial_event_group_start", date(group.financialEventGroupStart()));
        document.put("financial_event_group_end", date(group.financialEventGroupEnd()));
        document.put("currency_code", group.currencyCode());
        document.put("ext_hash", group.extHash().orElse(null));
        document.put("exchange_rate", decimal(snapshot.exchangeRate()));
        document.put("cny_balance", decimal(snapshot.cnyBalance()));
        document.put("source_original_total_amount", decimal(group.originalTotalAmount()));
        document.put(RUN_ID, runId);
        return document;
    }

    static BalanceSnapshot fromDocument(Document document) {
        FinancialEventGroup group = FinancialEventGroup.builder()
                .uuid(document.getString(UUID))
                .createdAt(instant(document, "created_at"))
                .updatedAt(instant(document, "updated_at"))
                .deletedAt(instant(document, "deleted_at"))
                .sellerId(document.getString("seller_id"))
                .financialEventGroupId(document.getString("financial_event_group_id"))
                .processingStatus(document.getString("processing_status"))
                .fundTransferStatus(document.getString("fund_transfer_status"))
                .fundTransferDate(instant(document, "fund_transfer_date"))
                .traceId(document.getString("trace_id"))
                .accountTail(document.getString("account_tail"))
                .originalTotalAmount(decimal(document, "source_original_total_amount"))
                .convertedTotalAmount(decimal(document, "converted_total_amount"))
                .beginningBalanceAmount(decimal(document, "beginning_balance_amount"))
                .financialEventGroupStart(instant(document, "financial_event_group_start"))
                .financialEventGroupEnd(instant(document, "financial_event_group_end"))
                .currencyCode(document.getString("currency_code"))
                .extHash(document.getString("ext_hash"))
                .build();
        return new BalanceSnapshot(group, LocalDate.parse(document.getString(LOAD_DATE)), instant(document, INSERT_TIME),
                decimal(document, "exchange_rate"), decimal(document, "original_total_amount"), decimal(document, "cny_balance"));
    }

    static Document summaryFields(SnapshotSummary summary, ZoneId zone) {
        Map<String, Object> rates = new LinkedHashMap<>();
        summary.rates().forEach((code, rate) -> rates.put(code, decimal(rate)));
        Document fields = new Document();
        fields.put(INSERT_TIME, SUMMARY_TIME.format(summary.insertTime().atZone(zone)));
        fields.put("total_amount", decimal(summary.totalAmount()));
        fields.put(RUN_ID, summary.run().runId());
        fields.put(RUN_STARTED_AT, Date.from(summary.run().startedAt()));
        fields.put("document_count", summary.documentCount());
        fields.put("station", summary.run().station());
        fields.put("rates", new Document(rates));
        return fields;
    }

    static SnapshotSummary summaryFrom(Document document) {
        SnapshotRun run = new SnapshotRun(document.getString(RUN_ID), LocalDate.parse(document.getString(LOAD_DATE)),
                instant(document, RUN_STARTED_AT), document.getString("station"));
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        Document rateFields = document.get("rates", Document.class);
        if (rateFields != null) {
            rateFields.forEach((code, rate) -> rates.put(code, ((Decimal128) rate).bigDecimalValue()));
        }
        return new SnapshotSummary(run, decimal(document, "total_amount"), ((Number) document.get("document_count")).longValue(), rates);
    }

    static Decimal128 decimal(BigDecimal value) {
        return new Decimal128(value);
    }

    private static BigDecimal decimal(Document document, String field) {
        Object value = document.get(field);
        return value == null ? null : ((Decimal128) value).bigDecimalValue();
    }

    private static Date date(Optional<Instant> instant) {
        return instant.map(Date::from).orElse(null);
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
