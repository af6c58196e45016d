package io.settlekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.settlekit.billing.reminder.memory.InMemoryReminderNotifier;
import io.settlekit.testkit.servers.LocalMysql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The README's settlement sample runs against the local MariaDB, on the tables the README documents. */
class BillingWiringIT {

    private static String ddl(String file) throws IOException {
        return Files.readString(Path.of("../adapters-mysql/src/test/resources/ddl", file), StandardCharsets.UTF_8);
    }

    @Test
    void savesAPlanBillsTheMerchantAndRemindsItOnce() throws IOException {
        try (LocalMysql mysql = LocalMysql.create("settlewiring")) {
            mysql.run(ddl("settlement-plans.sql"));
            mysql.run(ddl("settlement-reminder-log.sql"));
            mysql.run(ddl("settlement-ledger.sql"));
            mysql.run("INSERT INTO settlekit_merchant (merchant_id, name, fee_type, phone) VALUES ('1001', '鲜果坊', 'CNY', '+8613800138000')");
            mysql.run("INSERT INTO settlekit_ledger_order (merchant_id, order_id, order_date, fee_type, amount_fen, paid_fen, status) VALUES"
                    + " ('1001', 'PL0001', '2017-08-20', 'CNY', 100, 0, 10),"
                    + " ('1001', 'PL0003', '2017-09-05', 'CNY', 250, 200, 10),"
                    + " ('1001', 'PL0004', '2017-10-04', 'CNY', 150, 0, 10)");
            InMemoryReminderNotifier notifier = new InMemoryReminderNotifier();
            try (HikariDataSource pool = HostWiring.pool(mysql.jdbcUrl(), mysql.user(), mysql.password())) {
                BillingWiring.Result result = BillingWiring.settleAndRemind(pool, notifier);

                assertThat(result.bill().period().begin()).isEqualTo("2017-09-05");
                assertThat(result.bill().total().fen()).isEqualTo(400);
                assertThat(result.bill().pay().fen()).isEqualTo(200);
                assertThat(result.bill().historyUnpaid().fen()).isEqualTo(100);
                assertThat(result.run().sent()).isEqualTo(1);
                assertThat(notifier.sent()).singleElement().satisfies(m -> assertThat(m.amountDue().fen()).isEqualTo(300));

                BillingWiring.Result again = BillingWiring.settleAndRemind(pool, notifier);
                assertThat(again.run().skipped()).as("the rerun sends nothing twice").isEqualTo(1);
                assertThat(notifier.sent()).hasSize(1);
            }
        }
    }
}
