-- mws_financial_event_groups as the hosts keep it (seed 003 lists its columns; the types follow Amazon's
-- MWS FinancialEventGroup and the hosts' Laravel conventions). Times are DATETIME(3) local times.
CREATE TABLE mws_financial_event_groups (
    `id` bigint unsigned NOT NULL AUTO_INCREMENT,
    `uuid` char(36) NOT NULL,
    `created_at` datetime(3) NULL DEFAULT NULL,
    `updated_at` datetime(3) NULL DEFAULT NULL,
    `deleted_at` datetime(3) NULL DEFAULT NULL,
    `seller_id` varchar(64) NOT NULL,
    `financial_event_group_id` varchar(128) NOT NULL,
    `processing_status` varchar(32) NOT NULL,
    `fund_transfer_status` varchar(32) NULL DEFAULT NULL,
    `fund_transfer_date` datetime(3) NULL DEFAULT NULL,
    `trace_id` varchar(128) NULL DEFAULT NULL,
    `account_tail` varchar(16) NULL DEFAULT NULL,
    `original_total_amount` decimal(20,2) NOT NULL,
    `converted_total_amount` decimal(20,2) NULL DEFAULT NULL,
    `beginning_balance_amount` decimal(20,2) NULL DEFAULT NULL,
    `financial_event_group_start` datetime(3) NULL DEFAULT NULL,
    `financial_event_group_end` datetime(3) NULL DEFAULT NULL,
    `currency_code` varchar(8) NOT NULL,
    `ext_hash` text NULL,
    PRIMARY KEY (`id`),
    UNIQUE KEY `uniq_uuid` (`uuid`),
    KEY `idx_open_scan` (`processing_status`, `deleted_at`, `id`)
) DEFAULT CHARSET = utf8mb4;
