-- The reminder send log (a table of Settlekit's own, documented in the README). The unique key is what
-- makes the reminder job duplicate-free: a send is claimed by inserting its row before the message leaves.
CREATE TABLE settlekit_reminder_log (
    `id` bigint unsigned NOT NULL AUTO_INCREMENT,
    `merchant_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    `period_begin` date NOT NULL,
    `reminder_date` date NOT NULL,
    `status` varchar(8) NOT NULL COMMENT 'CLAIMED, SENT, FAILED or UNKNOWN (no answer: may have been delivered)',
    `attempts` int NOT NULL,
    `amount_fen` bigint NOT NULL,
    `fee_type` char(3) NOT NULL,
    `detail` varchar(512) NOT NULL DEFAULT '' COMMENT 'provider reference when SENT, reason when FAILED or UNKNOWN',
    `updated_at` datetime NOT NULL COMMENT 'UTC',
    PRIMARY KEY (`id`),
    UNIQUE KEY `uniq_merchant_period_date` (`merchant_id`, `period_begin`, `reminder_date`),
    KEY `idx_reminder_date` (`reminder_date`)
) DEFAULT CHARSET = utf8mb4;
