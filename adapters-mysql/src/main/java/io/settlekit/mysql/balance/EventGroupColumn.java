package io.settlekit.mysql.balance;

/**
 * The columns of {@code mws_financial_event_groups} the source reads, each with the seed's name as its
 * default; a host whose table names a column differently maps it with
 * {@link MysqlFinancialEventGroupSource.Builder#column(EventGroupColumn, String)}.
 */
public enum EventGroupColumn {
    /** The unique, ascending integer key the scan pages on (keyset pagination). */
    ID("id"),
    /** {@code uuid}. */
    UUID("uuid"),
    /** {@code created_at}. */
    CREATED_AT("created_at"),
    /** {@code updated_at}. */
    UPDATED_AT("updated_at"),
    /** {@code deleted_at}: soft delete, {@code NULL} for live rows. */
    DELETED_AT("deleted_at"),
    /** {@code seller_id}. */
    SELLER_ID("seller_id"),
    /** {@code financial_event_group_id}. */
    FINANCIAL_EVENT_GROUP_ID("financial_event_group_id"),
    /** {@code processing_status}: {@code Open} rows are read. */
    PROCESSING_STATUS("processing_status"),
    /** {@code fund_transfer_status}. */
    FUND_TRANSFER_STATUS("fund_transfer_status"),
    /** {@code fund_transfer_date}. */
    FUND_TRANSFER_DATE("fund_transfer_date"),
    /** {@code trace_id}. */
    TRACE_ID("trace_id"),
    /** {@code account_tail}. */
    ACCOUNT_TAIL("account_tail"),
    /** {@code original_total_amount}. */
    ORIGINAL_TOTAL_AMOUNT("original_total_amount"),
    /** {@code converted_total_amount}. */
    CONVERTED_TOTAL_AMOUNT("converted_total_amount"),
    /** {@code beginning_balance_amount}. */
    BEGINNING_BALANCE_AMOUNT("beginning_balance_amount"),
    /** {@code financial_event_group_start}. */
    FINANCIAL_EVENT_GROUP_START("financial_event_group_start"),
    /** {@code financial_event_group_end}. */
    FINANCIAL_EVENT_GROUP_END("financial_event_group_end"),
    /** {@code currency_code}. */
    CURRENCY_CODE("currency_code"),
    /** {@code ext_hash}. */
    EXT_HASH("ext_hash");

    private final String seedName;

    EventGroupColumn(String seedName) {
        this.seedName = seedName;
    }

    /** The column's name in the seed's table. */
    public String seedName() {
        return seedName;
    }
}
