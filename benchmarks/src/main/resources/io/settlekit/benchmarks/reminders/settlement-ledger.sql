-- The merchant ledger MysqlMerchantLedger reads (documented in the README). Hosts usually create two
-- views with these names and columns over their own merchant, order and payment tables.
CREATE TABLE settlekit_merchant (
    `merchant_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    `name` varchar(128) NOT NULL,
    `fee_type` char(3) NOT NULL DEFAULT 'CNY',
    `phone` varchar(32) NULL COMMENT 'E.164 mobile number for SMS reminders',
    PRIMARY KEY (`merchant_id`)
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE settlekit_ledger_order (
    `merchant_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    `order_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    `order_date` date NOT NULL COMMENT 'in the deployment zone',
    `fee_type` char(3) NOT NULL DEFAULT 'CNY',
    `amount_fen` bigint NOT NULL,
    `paid_fen` bigint NOT NULL DEFAULT 0,
    `status` int NOT NULL DEFAULT 0,
    PRIMARY KEY (`merchant_id`, `order_id`),
    KEY `idx_merchant_date` (`merchant_id`, `order_date`)
) DEFAULT CHARSET = utf8mb4;
