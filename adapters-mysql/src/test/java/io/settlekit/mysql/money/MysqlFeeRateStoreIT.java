package io.settlekit.mysql.money;

import io.settlekit.mysql.Jdbc;
import io.settlekit.mysql.MysqlDatabaseExtension;
import io.settlekit.mysql.SqlTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.settlekit.base.InfrastructureException;
import io.settlekit.Settlekit;
import io.settlekit.base.SettlekitException;
import io.settlekit.access.Actor;
import io.settlekit.money.FeeRate;
import io.settlekit.money.RateBook;
import io.settlekit.money.FeeRateStore;
import io.settlekit.testkit.MutableClock;
import io.settlekit.testkit.contract.FeeRateStoreContract;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The MySQL rate history passes the rate store contract on the seed's {@code tbl_fee_rate}, and more. */
class MysqlFeeRateStoreIT extends FeeRateStoreContract {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");

    @RegisterExtension
    static final MysqlDatabaseExtension DB = new MysqlDatabaseExtension("feerate", "/ddl/money.sql", "/ddl/money-seed-rows.sql");

    @Override
    protected FeeRateStore newStore() {
        DB.run("DELETE FROM tbl_fee_rate");
        return new MysqlFeeRateStore(DB.dataSource(), SHANGHAI);
    }

    @Test
    void aHostileStationIdIsStoredAndReadBackVerbatim() throws SQLException {
        FeeRateStore store = newStore();
        store.append(new FeeRate("T1", "HKD", "CNY", new BigDecimal("0.9100"), T0));
        String hostile = "x' OR '1'='1";
        FeeRate saved = new FeeRate(hostile, "HKD", "CNY", new BigDecimal("0.5000"), T0);
        store.append(saved);

        assertThat(store.rateAt(hostile, "HKD", "CNY", T0)).contains(saved);
        assertThat(store.ratesAt(hostile, T0)).containsExactly(saved);
        assertThat(DB.rows("SELECT station_id FROM tbl_fee_rate ORDER BY id")).containsExactly("T1", hostile);
    }

    @Test
    void writesTheSeedsColumnsAndLocalTimeInTheZone() throws SQLException {
        new MysqlFeeRateStore(DB.dataSource(), SqlTable.of("tbl_fee_rate"), SHANGHAI, 7)
                .append(new FeeRate("T1", "HKD", "CNY", new BigDecimal("0.9235"), T0));

        assertThat(DB.rows("SELECT station_id, from_fee_type, to_fee_type, value, group_id, create_time, modify_time,"
                + " delete_time, pstatus, extra1, extra4, extra10 FROM tbl_fee_rate"))
                .containsExactly("T1|HKD|CNY|0.9235|7|2026-03-01 10:00:00|2026-03-01 10:00:00|0001-01-01 00:00:00|0|0||0.0000");
    }

    @Test
    void readsRowsTheHostWroteAndIgnoresDeletedOnes() {
        newStore();
        DB.run("INSERT INTO tbl_fee_rate (station_id, from_fee_type, to_fee_type, value, group_id, create_time)"
                + " VALUES ('T9', 'HKD', 'CNY', 0.9000, 1, '2026-03-01 09:00:00')");
        DB.run("INSERT INTO tbl_fee_rate (station_id, from_fee_type, to_fee_type, value, group_id, create_time, delete_time, pstatus)"
                + " VALUES ('T9', 'HKD', 'CNY', 0.1000, 1, '2026-03-01 09:30:00', '2026-03-01 09:31:00', 1)");
        MysqlFeeRateStore store = new MysqlFeeRateStore(DB.dataSource(), SHANGHAI);

        assertThat(store.rateAt("T9", "HKD", "CNY", T0).orElseThrow())
                .isEqualTo(new FeeRate("T9", "HKD", "CNY", new BigDecimal("0.9000"), Instant.parse("2026-03-01T01:00:00Z")));
        assertThat(store.ratesAt("T9", T0)).hasSize(1);
    }

    @Test
    void tableAndDatabaseNamesAreConfigurable() {
        DB.run("CREATE TABLE IF NOT EXISTS rates_of_group_2 LIKE tbl_fee_rate");
        SqlTable custom = SqlTable.of(DB.mysql().database(), "rates_of_group_2");
        MysqlFeeRateStore store = new MysqlFeeRateStore(DB.dataSource(), custom, SHANGHAI, 2);
        FeeRate rate = new FeeRate("T1", "HKD", "CNY", new BigDecimal("0.9235"), T0);
        newStore();

        store.append(rate);

        assertThat(store.rateAt("T1", "HKD", "CNY", T0)).contains(rate);
        assertThat(new MysqlFeeRateStore(DB.dataSource(), SHANGHAI).rateAt("T1", "HKD", "CNY", T0)).isEmpty();
    }

    @Test
    void aRateBookOnMysqlWritesNothingForBadInput() throws SQLException {
        newStore();
        Settlekit kit = Settlekit.embedded()
                .clock(new MutableClock(T0, SHANGHAI))
                .feeTypes(new MysqlFeeTypeStore(DB.dataSource()))
                .feeRates(new MysqlFeeRateStore(DB.dataSource(), SHANGHAI))
                .build();
        RateBook book = kit.rateBook();
        Actor admin = Actor.admin("root");

        assertThatThrownBy(() -> book.save(admin, "T1", "HKD", "USD", new BigDecimal("0.13")))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.code()).isEqualTo("unknown_fee_type"));
        assertThatThrownBy(() -> book.save(admin, "T1", "HKD", "CNY", new BigDecimal("0.12345")))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.field()).contains("value"));
        assertThatThrownBy(() -> book.save(Actor.user("viewer"), "T1", "HKD", "CNY", new BigDecimal("0.9")))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.code()).isEqualTo("permission_denied"));
        assertThat(DB.rows("SELECT COUNT(*) FROM tbl_fee_rate")).containsExactly("0");

        book.save(admin, "T1", "HKD", "CNY", new BigDecimal("0.9235"));
        assertThat(book.list(admin, "T1", Optional.empty(), Optional.empty()))
                .extracting(r -> r.from() + ">" + r.to() + "=" + r.value()).containsExactly("HKD>CNY=0.9235");
    }

    @Test
    void aFailingDatabaseIsAnInfrastructureErrorWithItsCause() {
        HikariDataSource closed = DB.newPool();
        closed.close();
        MysqlFeeRateStore store = new MysqlFeeRateStore(closed, SHANGHAI);

        assertThatThrownBy(() -> store.ratesAt("T1", T0))
                .isInstanceOfSatisfying(InfrastructureException.class, e -> {
                    assertThat(e.code()).isEqualTo("infrastructure");
                    assertThat(e.getMessage()).contains("listing the rates of station T1");
                    assertThat(e.getCause()).isInstanceOf(SQLException.class);
                });
    }
}
