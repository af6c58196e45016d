-- The seed's tables (002 multi-currency), columns exactly as its DDL has them. The seed's text lacks the
-- primary key of tbl_fee_type and has a trailing comma there; both are mended so the DDL runs.
CREATE TABLE tbl_fee_type (
    `id` int(11) unsigned NOT NULL AUTO_INCREMENT,
    `fee_type` varchar(32) NOT NULL COMMENT '货币类型,如CNY、HKD',
    `unit` varchar(128) NOT NULL COMMENT '单位,如:元、港元',
    `name` varchar(128) NOT NULL COMMENT '货币名称',
    `symbol` varchar(32) NOT NULL COMMENT '货币符号',
    PRIMARY KEY (id)
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE tbl_fee_rate (
    `id` int(11) unsigned NOT NULL AUTO_INCREMENT,
    `from_fee_type` varchar(32) NOT NULL COMMENT '原币种类型',
    `to_fee_type` varchar(32) NOT NULL COMMENT '目标币种类型, 通常是人民币',
    `value` decimal(15,4) NOT NULL COMMENT '汇率 from_fee = value * to_fee',
    `station_id` varchar(16) NOT NULL,
    `group_id` int(11) NOT NULL,

    `create_time` datetime NOT NULL DEFAULT '0001-01-01 00:00:00' COMMENT '创建时间',
    `modify_time` datetime NOT NULL DEFAULT '0001-01-01 00:00:00' COMMENT '修改时间',
    `delete_time` datetime NOT NULL DEFAULT '0001-01-01 00:00:00' COMMENT '删除时间',
    `pstatus` int(11) NOT NULL DEFAULT '0' COMMENT '物理状态,0:正常--默认,1:已删除',

    `extra1` int NOT NULL DEFAULT '0',
    `extra2` int NOT NULL DEFAULT '0',
    `extra3` int NOT NULL DEFAULT '0',
    `extra4` varchar(128) NOT NULL DEFAULT '',
    `extra5` varchar(128) NOT NULL DEFAULT '',
    `extra6` varchar(128) NOT NULL DEFAULT '',
    `extra7` datetime NOT NULL DEFAULT '1-1-1 00:00:00',
    `extra8` datetime NOT NULL DEFAULT '1-1-1 00:00:00',
    `extra9` datetime NOT NULL DEFAULT '1-1-1 00:00:00',
    `extra10` decimal(15,4) NOT NULL DEFAULT '0.0000',
    PRIMARY KEY (id),
    KEY `uniq_fee_rate` (`station_id`,`from_fee_type`,`to_fee_type`,`delete_time`)
) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_general_ci;
