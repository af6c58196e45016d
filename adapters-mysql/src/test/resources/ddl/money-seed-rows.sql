INSERT INTO tbl_fee_type (fee_type, unit, name, symbol) VALUES ('CNY', '元', '人民币', '¥'), ('HKD', '港元', '港币', '$');
