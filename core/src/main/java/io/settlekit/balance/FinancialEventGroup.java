package io.settlekit.balance;

import io.settlekit.internal.Checks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * One Amazon MWS financial event group as the hosts keep it ({@code mws_financial_event_groups}, seed
 * 003): the source row of a store balance snapshot. Field names follow the table's columns.
 *
 * <p>Amounts are in the group's own currency, exactly as stored (never floating point). Times are kept
 * to the millisecond. The currency code is kept as the source has it; the snapshot job decides whether it
 * has a rate.
 *
 * @param uuid                     the row's uuid, the group's identity in the snapshot
 * @param createdAt                the row's {@code created_at}
 * @param updatedAt                the row's {@code updated_at}
 * @param deletedAt                the row's {@code deleted_at} (soft delete; empty for live rows)
 * @param sellerId                 the store (seller) id
 * @param financialEventGroupId    Amazon's group id
 * @param processingStatus         {@code Open} or {@code Closed}
 * @param fundTransferStatus       Amazon's transfer status
 * @param fundTransferDate         when the funds were transferred
 * @param traceId                  the bank transfer's trace id
 * @param accountTail              the bank account's last digits
 * @param originalTotalAmount      the balance in the group's currency, as stored
 * @param convertedTotalAmount     Amazon's converted total, as stored
 * @param beginningBalanceAmount   the balance at the start of the period
 * @param financialEventGroupStart the period's start
 * @param financialEventGroupEnd   the period's end
 * @param currencyCode             the currency of the amounts, e.g. {@code USD}
 * @param extHash                  the hosts' extension field
 */
public record FinancialEventGroup(
        String uuid,
        Optional<Instant> createdAt,
        Optional<Instant> updatedAt,
        Optional<Instant> deletedAt,
        String sellerId,
        String financialEventGroupId,
        String processingStatus,
        Optional<String> fundTransferStatus,
        Optional<Instant> fundTransferDate,
        Optional<String> traceId,
        Optional<String> accountTail,
        BigDecimal originalTotalAmount,
        Optional<BigDecimal> convertedTotalAmount,
        Optional<BigDecimal> beginningBalanceAmount,
        Optional<Instant> financialEventGroupStart,
        Optional<Instant> financialEventGroupEnd,
        String currencyCode,
        Optional<String> extHash) {

    /** The {@code processing_status} of groups whose balance is still with Amazon. */
    public static final String OPEN = "Open";

    /** Validates required fields and truncates times to milliseconds. */
    public FinancialEventGroup {
        uuid = Checks.notBlank("uuid", uuid);
        createdAt = millis("created_at", createdAt);
        updatedAt = millis("updated_at", updatedAt);
        deletedAt = millis("deleted_at", deletedAt);
        sellerId = Checks.notBlank("seller_id", sellerId);
        financialEventGroupId = Checks.notBlank("financial_event_group_id", financialEventGroupId);
        processingStatus = Checks.notBlank("processing_status", processingStatus);
        Checks.present("fund_transfer_status", fundTransferStatus);
        fundTransferDate = millis("fund_transfer_date", fundTransferDate);
        Checks.present("trace_id", traceId);
        Checks.present("account_tail", accountTail);
        Checks.present("original_total_amount", originalTotalAmount);
        Checks.present("converted_total_amount", convertedTotalAmount);
        Checks.present("beginning_balance_amount", beginningBalanceAmount);
        financialEventGroupStart = millis("financial_event_group_start", financialEventGroupStart);
        financialEventGroupEnd = millis("financial_event_group_end", financialEventGroupEnd);
        currencyCode = Checks.notBlank("currency_code", currencyCode);
        Checks.present("ext_hash", extHash);
    }

    /** Whether the group is open and not soft-deleted: the rows a snapshot takes. */
    public boolean isOpenAndLive() {
        return OPEN.equals(processingStatus) && deletedAt.isEmpty();
    }

    /** A builder; {@code uuid}, {@code sellerId}, {@code financialEventGroupId}, the amount and the currency are required. */
    public static Builder builder() {
        return new Builder();
    }

    private static Optional<Instant> millis(String field, Optional<Instant> time) {
        return Checks.present(field, time).map(t -> t.truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * Builds a {@link FinancialEventGroup}; optional fields default to empty (setting one to {@code null}
     * leaves it empty, which suits nullable columns), the status to {@code Open}.
     *
     * <p>Not thread-safe: mutable fields; one builder per group, on one thread.
     */
    public static final class Builder {
        private String uuid;
        private Optional<Instant> createdAt = Optional.empty();
        private Optional<Instant> updatedAt = Optional.empty();
        private Optional<Instant> deletedAt = Optional.empty();
        private String sellerId;
        private String financialEventGroupId;
        private String processingStatus = OPEN;
        private Optional<String> fundTransferStatus = Optional.empty();
        private Optional<Instant> fundTransferDate = Optional.empty();
        private Optional<String> traceId = Optional.empty();
        private Optional<String> accountTail = Optional.empty();
        private BigDecimal originalTotalAmount;
        private Optional<BigDecimal> convertedTotalAmount = Optional.empty();
        private Optional<BigDecimal> beginningBalanceAmount = Optional.empty();
        private Optional<Instant> financialEventGroupStart = Optional.empty();
        private Optional<Instant> financialEventGroupEnd = Optional.empty();
        private String currencyCode;
        private Optional<String> extHash = Optional.empty();

        private Builder() {
        }

        /** Sets {@code uuid}. */
        public Builder uuid(String value) {
            uuid = value;
            return this;
        }

        /** Sets {@code created_at}. */
        public Builder createdAt(Instant value) {
            createdAt = Optional.ofNullable(value);
            return this;
        }

        /** Sets {@code updated_at}. */
        public Builder updatedAt(Instant value) {
            updatedAt = Optional.ofNullable(value);
            return this;
        }

        /** Sets {@code deleted_at}. */
        public Builder deletedAt(Instant value) {
            deletedAt = Optional.ofNullable(value);
            return this;
        }

        /** Sets {@code seller_id}. */
        public Builder sellerId(String value) {
            sellerId = value;
            return this;
        }

        /** Sets {@code financial_event_group_id}. */
        public Builder financialEventGroupId(String value) {
            financialEventGroupId = value;
            return this;
        }

        /** Sets {@code processing_status}. */
        public Builder processingStatus(String value) {
            processingStatus = value;
            return this;
        }

        /** Sets {@code fund_transfer_status}. */
        public Builder fundTransferStatus(String value) {
            fundTransferStatus = Optional.ofNullable(value);
            return this;
        }

        /** Sets {@code fund_transfer_date}. */
        public Builder fundTransferDate(Instant value) {
            fundTransferDate = Optional.ofNullable(value);
            return this;
        }

        /** Sets {@code trace_id}. */
        public Builder traceId(String value) {
            traceId = Optional.ofNullable(value);
            return this;
        }

        /** Sets {@code account_tail}. */
        public Builder accountTail(String value) {
            accountTail = Optional.ofNullable(value);
            return this;
        }

        /** Sets {@code original_total_amount}. */
        public Builder originalTotalAmount(BigDecimal value) {
            originalTotalAmount = value;
            return this;
        }

        /** Sets {@code converted_total_amount}. */
        public Builder convertedTotalAmount(BigDecimal value) {
            convertedTotalAmount = Optional.ofNullable(value);
            return this;
        }

        /** Sets {@code beginning_balance_amount}. */
        public Builder beginningBalanceAmount(BigDecimal value) {
            beginningBalanceAmount = Optional.ofNullable(value);
            return this;
        }

        /** Sets {@code financial_event_group_start}. */
        public Builder financialEventGroupStart(Instant value) {
            financialEventGroupStart = Optional.ofNullable(value);
            return this;
        }

        /** Sets {@code financial_event_group_end}. */
        public Builder financialEventGroupEnd(Instant value) {
            financialEventGroupEnd = Optional.ofNullable(value);
            return this;
        }

        /** Sets {@code currency_code}. */
        public Builder currencyCode(String value) {
            currencyCode = value;
            return this;
        }

        /** Sets {@code ext_hash}. */
        public Builder extHash(String value) {
            extHash = Optional.ofNullable(value);
            return this;
        }

        /** Validates and builds. */
        public FinancialEventGroup build() {
            return new FinancialEventGroup(uuid, createdAt, updatedAt, deletedAt, sellerId, financialEventGroupId,
                    processingStatus, fundTransferStatus, fundTransferDate, traceId, accountTail, originalTotalAmount,
                    convertedTotalAmount, beginningBalanceAmount, financialEventGroupStart, financialEventGroupEnd,
                    currencyCode, extHash);
        }
    }
}
