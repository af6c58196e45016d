package io.settlekit.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.settlekit.Settlekit;
import io.settlekit.access.Actor;
import io.settlekit.access.Permission;
import io.settlekit.mysql.money.MysqlFeeRateStore;
import io.settlekit.mysql.money.MysqlFeeTypeStore;

import javax.money.MonetaryAmount;
import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.ZoneId;

import org.javamoney.moneta.Money;

/**
 * How a host service wires the core to its MySQL tables. The README quotes the marked part of this file
 * verbatim (a test checks it), and an integration test runs it against the local MariaDB.
 */
public final class HostWiring {
    private HostWiring() {
    }

    /** A pool as a host would configure it (hosts usually already own one). */
    public static HikariDataSource pool(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }

    /** Wires the core to the host's {@code tbl_fee_type} and {@code tbl_fee_rate}, saves a rate and converts. */
    public static MonetaryAmount saveAndConvert(DataSource dataSource) {
        // snippet:host-wiring
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Settlekit kit = Settlekit.builder()
                .zone(zone)
                .feeTypes(new MysqlFeeTypeStore(dataSource))          // tbl_fee_type
                .feeRates(new MysqlFeeRateStore(dataSource, zone))    // tbl_fee_rate, create_time in the zone
                .withoutJobs()                                        // rates only: no nightly job in this service
                .build();

        Actor finance = Actor.user("u-1001", Permission.EDIT_FEE_RATE, Permission.GET_FEE_RATE);
        kit.rateBook().save(finance, "T1001", "HKD", "CNY", new BigDecimal("0.9235"));
        MonetaryAmount cny = kit.rateBook().convert(Money.of(100, "HKD"), "CNY", "T1001"); // 92.35 CNY
        // end-snippet
        return cny;
    }
}
