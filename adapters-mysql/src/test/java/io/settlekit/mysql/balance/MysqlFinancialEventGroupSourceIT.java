package io.settlekit.mysql.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.InfrastructureException;
import io.settlekit.base.ValidationException;
import io.settlekit.balance.FinancialEventGroup;
import io.settlekit.balance.FinancialEventGroupSource;
import io.settlekit.mysql.Jdbc;
import io.settlekit.mysql.MysqlDatabaseExtension;
import io.settlekit.mysql.SqlTable;
import io.settlekit.testkit.balance.SampleEventGroups;
import io.settlekit.testkit.contract.FinancialEventGroupSourceContract;

import com.zaxxer.hikari.HikariDataSource;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The MySQL source passes the source contract on the seed's {@code mws_financial_event_groups} (paging
 * with pages smaller than the contract's row count), reads in keyset pages, and takes configurable names.
 */
class MysqlFinancialEventGroupSourceIT extends FinancialEventGroupSourceContract {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int PAGE = 700;

    @RegisterExtension
    static final MysqlDatabaseExtension DB = new MysqlDatabaseExtension("eventgroups", "/ddl/balance.sql");

    @Override
    protected FinancialEventGroupSource sourceOf(List<FinancialEventGroup> groups) {
        DB.run("DELETE FROM mws_financial_event_groups");
        insert(DB.dataSource(), "mws_financial_event_groups", groups);
        return MysqlFinancialEventGroupSource.builder(DB.dataSource(), SHANGHAI).pageSize(PAGE).build();
    }

    /** Inserts {@code groups} into {@code table} (the seed's columns), times as local times in Shanghai. */
    static void insert(DataSource dataSource, String table, List<FinancialEventGroup> groups) {
        String sql = "INSERT INTO " + table + " (uuid, created_at, updated_at, deleted_at, seller_id, financial_event_group_id,"
                + " processing_status, fund_transfer_status, fund_transfer_date, trace_id, account_tail, original_total_amount,"
                + " converted_total_amount, beginning_balance_amount, financial_event_group_start, financial_event_group_end,"
                + " currency_code, ext_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (FinancialEventGroup g : groups) {
                statement.setString(1, g.uuid());
                statement.setObject(2, local(g.createdAt()));
                statement.setObject(3, local(g.updatedAt()));
                statement.setObject(4, local(g.deletedAt()));
                statement.setString(5, g.sellerId());
                statement.setString(6, g.financialEventGroupId());
                statement.setString(7, g.processingStatus());
                statement.setString(8, g.fundTransferStatus().orElse(null));
                statement.setObject(9, local(g.fundTransferDate()));
                statement.setString(10, g.traceId().orElse(null));
                statement.setString(11, g.accountTail().orElse(null));
                statement.setBigDecimal(12, g.originalTotalAmount());
                statement.setBigDecimal(13, g.convertedTotalAmount().orElse(null));
                statement.setBigDecimal(14, g.beginningBalanceAmount().orElse(null));
                statement.setObject(15, local(g.financialEventGroupStart()));
                statement.setObject(16, local(g.financialEventGroupEnd()));
                statement.setString(17, g.currencyCode());
                statement.setString(18, g.extHash().orElse(null));
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String local(Optional<Instant> instant) {
        return instant.map(i -> Jdbc.millisText(LocalDateTime.ofInstant(i, SHANGHAI))).orElse(null);
    }

    /** A data source counting the statements prepared through it. */
    private static DataSource counting(DataSource target, AtomicInteger prepared) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
            Object result = method.invoke(target, args);
            if (result instanceof Connection connection) {
                return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, m, a) -> {
                    if (m.getName().equals("prepareStatement")) {
                        prepared.incrementAndGet();
                    }
                    return m.invoke(connection, a);
                });
            }
            return result;
        });
    }

    @Test
    void readsInKeysetPagesOfTheConfiguredSize() {
        sourceOf(SampleEventGroups.openGroups(2_500, "USD"));
        AtomicInteger prepared = new AtomicInteger();
        FinancialEventGroupSource source = MysqlFinancialEventGroupSource.builder(counting(DB.dataSource(), prepared), SHANGHAI)
                .pageSize(PAGE).build();
        List<String> uuids = new ArrayList<>();

        source.forEachOpen(group -> uuids.add(group.uuid()));

        assertThat(uuids).hasSize(2_500).isSorted(); // insertion order = id order
        assertThat(prepared.get()).as("the id range, then pages of 700: 700, 700, 700, 400").isEqualTo(5);
    }

    @Test
    void aPageBoundaryOnTheLastRowNeedsNoEmptyPage() {
        sourceOf(SampleEventGroups.openGroups(PAGE * 2, "USD"));
        AtomicInteger prepared = new AtomicInteger();
        List<FinancialEventGroup> read = new ArrayList<>();

        MysqlFinancialEventGroupSource.builder(counting(DB.dataSource(), prepared), SHANGHAI).pageSize(PAGE).build().forEachOpen(read::add);

        assertThat(read).hasSize(PAGE * 2);
        assertThat(prepared.get()).as("the id range, then two full pages ending on the highest open id").isEqualTo(3);
    }

    @Test
    void tableAndColumnNamesAreConfigurable() {
        DB.run("CREATE TABLE IF NOT EXISTS store_balance_groups LIKE mws_financial_event_groups");
        DB.run("DELETE FROM store_balance_groups");
        DB.run("ALTER TABLE store_balance_groups CHANGE currency_code currency varchar(8) NOT NULL");
        DB.run("INSERT INTO store_balance_groups (uuid, seller_id, financial_event_group_id, processing_status, original_total_amount, currency)"
                + " VALUES ('u-1', 'S1', 'F1', 'Open', 12.34, 'EUR')");

        FinancialEventGroupSource source = MysqlFinancialEventGroupSource.builder(DB.dataSource(), SHANGHAI)
                .table(SqlTable.of(DB.mysql().database(), "store_balance_groups"))
                .column(EventGroupColumn.CURRENCY_CODE, "currency")
                .build();

        List<FinancialEventGroup> read = new ArrayList<>();
        source.forEachOpen(read::add);
        assertThat(read).extracting(FinancialEventGroup::currencyCode).containsExactly("EUR");
        assertThat(source.openCurrencies()).containsExactly("EUR");
        assertThatThrownBy(() -> MysqlFinancialEventGroupSource.builder(DB.dataSource(), SHANGHAI).column(EventGroupColumn.UUID, "uuid; DROP TABLE x"))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void hostileValuesAreReadVerbatim() {
        FinancialEventGroup hostile = SampleEventGroups.full(1, "USD", "1.00").sellerId("x' OR '1'='1").extHash("{\"店铺\":\"余额\"}").build();

        List<FinancialEventGroup> read = new ArrayList<>();
        sourceOf(List.of(hostile)).forEachOpen(read::add);

        assertThat(read).containsExactly(hostile);
    }

    @Test
    void aFailingDatabaseIsAnInfrastructureErrorWithItsCause() {
        HikariDataSource closed = DB.newPool();
        closed.close();

        assertThatThrownBy(() -> new MysqlFinancialEventGroupSource(closed, SHANGHAI).openCurrencies())
                .isInstanceOfSatisfying(InfrastructureException.class, e -> {
                    assertThat(e.getMessage()).contains("reading the currencies of the open groups");
                    assertThat(e.getCause()).isInstanceOf(SQLException.class);
                });
    }
}
