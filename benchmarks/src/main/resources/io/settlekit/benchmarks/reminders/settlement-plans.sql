-- The seed's plan history table (001 merchant settlement), columns as the seed lists them. The seed gives
-- names, types and meanings but no DDL text; keys and defaults here are the obvious ones.
CREATE TABLE tbl_user_pay_method (
    `id` int(11) unsigned NOT NULL AUTO_INCREMENT,
    `user_id` int(11) NOT NULL COMMENT 'tbl_user里的id',
    `pay_method` int(11) NOT NULL COMMENT '1:日结,2:周结,3:月结,4:自定义',
    `begin_day` int(11) NOT NULL DEFAULT 0 COMMENT '起始日,周一的话就是1,每月2号就是2',
    `settle_day` int(11) NOT NULL DEFAULT 0 COMMENT '结算日,周一的话就是1,每月2号就是2',
    `cycle_length` int(11) NOT NULL DEFAULT 0 COMMENT '自定义周期长度13天就是13',
    `delay_day` int(11) NOT NULL DEFAULT 0 COMMENT '自定义后延5天就是5',
    `effective_date` date NOT NULL COMMENT '生效日期',
    `settle_remind` int(11) NOT NULL DEFAULT -1 COMMENT '结算提醒,-1表示不开启,1-7天表示结算日前几天提醒',
    `create_time` datetime NOT NULL COMMENT '创建时间',
    PRIMARY KEY (id),
    KEY `idx_user_id` (`user_id`)
) DEFAULT CHARSET = utf8mb4;
