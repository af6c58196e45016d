package io.settlekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.settlekit.testkit.servers.LocalMysql;

import java.math.BigDecimal;

import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/** The README's wiring sample runs against the local MariaDB. */
class HostWiringIT {

    @Test
    void wiresTheCoreToMysqlAndConverts() {
        try (LocalMysql mysql = LocalMysql.create("wiring")) {
            mysql.run("CREATE TABLE tbl_fee_type (id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                    + " fee_type varchar(32) NOT NULL, unit varchar(128) NOT NULL, name varchar(128) NOT NULL, symbol varchar(32) NOT NULL)");
            mysql.run("INSERT INTO tbl_fee_type (fee_type, unit, name, symbol) VALUES ('CNY', '元', '人民币', '¥'), ('HKD', '港元', '港币', '$')");
            mysql.run("CREATE TABLE tbl_fee_rate (id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                    + " from_fee_type varchar(32) NOT NULL, to_fee_type varchar(32) NOT NULL, value decimal(15,4) NOT NULL,"
                    + " station_id varchar(16) NOT NULL, group_id int NOT NULL,"
                    + " create_time datetime NOT NULL DEFAULT '0001-01-01 00:00:00', modify_time datetime NOT NULL DEFAULT '0001-01-01 00:00:00',"
                    + " delete_time datetime NOT NULL DEFAULT '0001-01-01 00:00:00', pstatus int NOT NULL DEFAULT 0)");
            try (HikariDataSource pool = HostWiring.pool(mysql.jdbcUrl(), mysql.user(), mysql.password())) {
                assertThat(HostWiring.saveAndConvert(pool)).isEqualTo(Money.of(new BigDecimal("92.35"), "CNY"));
            }
        }
    }
}
