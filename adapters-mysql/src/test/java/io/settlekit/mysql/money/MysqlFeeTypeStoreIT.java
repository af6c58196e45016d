package io.settlekit.mysql.money;

import io.settlekit.mysql.Jdbc;
import io.settlekit.mysql.MysqlDatabaseExtension;
import io.settlekit.mysql.SqlTable;
import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.money.FeeType;
import io.settlekit.money.FeeTypeStore;
import io.settlekit.testkit.contract.FeeTypeStoreContract;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The MySQL catalog passes the fee type store contract on the seed's {@code tbl_fee_type}. */
class MysqlFeeTypeStoreIT extends FeeTypeStoreContract {
    @RegisterExtension
    static final MysqlDatabaseExtension DB = new MysqlDatabaseExtension("feetype", "/ddl/money.sql");

    @Override
    protected FeeTypeStore storeWith(List<FeeType> feeTypes) {
        DB.run("DELETE FROM tbl_fee_type");
        Jdbc jdbc = new Jdbc(DB.dataSource());
        for (FeeType type : feeTypes) {
            jdbc.update("seeding", "INSERT INTO tbl_fee_type (fee_type, unit, name, symbol) VALUES (?, ?, ?, ?)", statement -> {
                statement.setString(1, type.code());
                statement.setString(2, type.unit());
                statement.setString(3, type.name());
                statement.setString(4, type.symbol());
            });
        }
        return new MysqlFeeTypeStore(DB.dataSource());
    }

    @Test
    void theSeedsInitialRowsReadAsTheSeedCatalog() {
        DB.run("DELETE FROM tbl_fee_type");
        DB.run("INSERT INTO tbl_fee_type (fee_type, unit, name, symbol) VALUES ('CNY', '元', '人民币', '¥'), ('HKD', '港元', '港币', '$')");

        assertThat(new MysqlFeeTypeStore(DB.dataSource(), SqlTable.of(DB.mysql().database(), "tbl_fee_type")).all())
                .containsExactly(FeeType.CNY, FeeType.HKD);
    }

    @Test
    void malformedAndDuplicateRowsDoNotPoisonTheCatalog() {
        DB.run("DELETE FROM tbl_fee_type");
        DB.run("INSERT INTO tbl_fee_type (fee_type, unit, name, symbol) VALUES ('CNY', '元', '人民币', '¥'),"
                + " ('CNY', 'x', 'later duplicate', 'x'), ('rmb', '元', '旧', '¥'), ('hkd', '港元', '港币', '$')");
        MysqlFeeTypeStore store = new MysqlFeeTypeStore(DB.dataSource());

        assertThat(store.all()).containsExactly(FeeType.CNY);
        assertThat(store.find("HKD")).as("case-insensitive collation must not match 'hkd'").isEmpty();
    }
}
