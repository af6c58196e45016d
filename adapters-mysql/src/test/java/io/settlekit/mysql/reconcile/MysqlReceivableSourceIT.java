package io.settlekit.mysql.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.settlekit.base.InfrastructureException;
import io.settlekit.base.ValidationException;
import io.settlekit.money.Amount;
import io.settlekit.mysql.MysqlDatabaseExtension;
import io.settlekit.reconcile.Channel;
import io.settlekit.reconcile.Direction;
import io.settlekit.reconcile.Receivable;
import io.settlekit.reconcile.Sites;
import io.settlekit.reconcile.ReceivableSource;
import io.settlekit.testkit.contract.ReceivableSourceContract;

import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The MySQL receivables pass the contract on the seed's PrestaShop tables in MariaDB, and more. */
class MysqlReceivableSourceIT extends ReceivableSourceContract {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @RegisterExtension
    static final MysqlDatabaseExtension DB = new MysqlDatabaseExtension("receivables", "/ddl/prestashop.sql", "/ddl/prestashop-scenario.sql");

    @BeforeAll
    static void anotherShopWithItsOwnPrefix() {
        for (String table : List.of("orders", "order_history", "order_payment", "order_slip", "currency")) {
            DB.run("CREATE TABLE es_" + table + " LIKE ps_" + table);
        }
    }

    private static MysqlReceivableSource source(javax.sql.DataSource dataSource) {
        return new MysqlReceivableSource(dataSource, SHANGHAI, Map.of(
                FR.id(), PrestashopTables.defaults(),
                Sites.sample().named("es-cupshe").id(), new PrestashopTables(Optional.empty(), "es_")));
    }

    @Override
    protected ReceivableSource sourceWithScenario() {
        return source(DB.dataSource());
    }

    @Test
    void tablesMayLiveInANamedDatabase() {
        MysqlReceivableSource named = new MysqlReceivableSource(DB.dataSource(), SHANGHAI,
                Map.of(FR.id(), PrestashopTables.inSchema(DB.mysql().database())));
        List<Receivable> found = new ArrayList<>();

        named.read(Channel.PAYPAL, FR, FROM, UNTIL, found::add);

        assertThat(found).hasSize(5);
    }

    @Test
    void sixDecimalAmountsRoundHalfUpToTheCurrencysMinorUnits() {
        DB.run("INSERT INTO ps_currency (id_currency, name, iso_code, conversion_rate) VALUES (3, 'Yen', 'JPY', 1)");
        DB.run("INSERT INTO ps_orders (id_order, reference, id_customer, id_cart, id_currency, payment, date_add, date_upd)"
                + " VALUES (90, 'JP-1', 1, 1, 3, 'PayPal', '2025-03-20 10:00:00', '2025-03-20 10:00:00')");
        DB.run("INSERT INTO ps_order_history (id_order, id_order_state, date_add) VALUES (90, 2, '2025-03-20 10:00:01')");
        DB.run("INSERT INTO ps_order_payment (order_reference, id_currency, amount, payment_method, date_add) VALUES ('JP-1', 3, 100, 'PayPal', '2025-03-20 10:00:00')");
        DB.run("INSERT INTO ps_order_slip (id_customer, id_order, amount, other_cost_amount, shipping_method, tax_cost_amount, date_add, date_upd)"
                + " VALUES (1, 90, 10.4, 0, 0, 0.1, '2025-03-20 11:00:00', '2025-03-20 11:00:00')");
        List<Receivable> found = new ArrayList<>();

        sourceWithScenario().read(Channel.PAYPAL, FR, FROM.plusSeconds(6 * 86_400), UNTIL.plusSeconds(6 * 86_400), found::add);

        assertThat(found).extracting(Receivable::direction, Receivable::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Direction.FORWARD, Amount.ofMinor("JPY", 100)),
                org.assertj.core.groups.Tuple.tuple(Direction.REVERSE, Amount.ofMinor("JPY", 11)));
    }

    @Test
    void aSiteWithoutTablesIsAnErrorNamingIt() {
        assertThatThrownBy(() -> sourceWithScenario().read(Channel.PAYPAL, Sites.sample().named("it-cupshe"), FROM, UNTIL, r -> { }))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).contains("it-cupshe"));
        assertThatThrownBy(() -> new PrestashopTables(Optional.empty(), "ps_; DROP TABLE x"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("prefix"));
    }

    @Test
    void aFailingDatabaseIsAnInfrastructureErrorWithItsCause() {
        HikariDataSource closed = DB.newPool();
        closed.close();

        assertThatThrownBy(() -> source(closed).read(Channel.PAYPAL, FR, FROM, UNTIL, r -> { }))
                .isInstanceOfSatisfying(InfrastructureException.class, e -> {
                    assertThat(e.getMessage()).contains("paypal receivables of site fr-cupshe");
                    assertThat(e.getCause()).isInstanceOf(SQLException.class);
                });
    }
}
