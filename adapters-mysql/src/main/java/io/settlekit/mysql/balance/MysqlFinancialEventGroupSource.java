package io.settlekit.mysql.balance;

import io.settlekit.internal.Checks;
import io.settlekit.balance.FinancialEventGroup;
import io.settlekit.balance.FinancialEventGroupSource;
import io.settlekit.mysql.Jdbc;
import io.settlekit.mysql.SqlTable;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The open financial event groups from the hosts' {@code mws_financial_event_groups}: rows with
 * {@code processing_status = 'Open'} and {@code deleted_at IS NULL}, read with keyset pagination within
 * bounded id windows: one query reads the lowest and highest open id, then each page is
 * {@code WHERE id >= ? AND id <= ? ORDER BY id LIMIT n} over a window of ten pages' worth of ids (continuing
 * after the last id read while pages come back full). Each page is one short query on a borrowed
 * connection, so memory stays at one page and no cursor or transaction stays open however many rows there
 * are; groups opened after the first query with higher ids wait for the next run.
 *
 * <p>Why windows: with an open-ended {@code id > ?}, MariaDB reads the page through the index on
 * {@code (processing_status, deleted_at, id)} as a {@code ref} and skips every earlier open entry to reach
 * the page, so a scan of n rows cost O(n²); a bounded id range makes the primary key range the cheapest
 * plan, and the whole scan linear (see BENCHMARKS.md, store balance snapshot).
 *
 * <p>Table and column names are configurable ({@link Builder}). Time columns are zone-less
 * {@code DATETIME}s read as local times of the zone given here (like the hosts' other tables). For fast
 * pages, the table should have an index on {@code (processing_status, deleted_at, id)}.
 *
 * <p>Thread-safe: final fields and SQL built once; every scan borrows its own connections.
 */
public final class MysqlFinancialEventGroupSource implements FinancialEventGroupSource {
    /** The seed's table name. */
    public static final String DEFAULT_TABLE = "mws_financial_event_groups";
    /** Rows per page by default. */
    public static final int DEFAULT_PAGE_SIZE = 1000;

    private final Jdbc jdbc;
    private final SqlTable table;
    private final ZoneId zone;
    private final int pageSize;
    private final String boundsSql;
    private final String pageSql;
    private final String currenciesSql;

    private MysqlFinancialEventGroupSource(Builder builder) {
        this.jdbc = new Jdbc(builder.dataSource);
        this.table = builder.table;
        this.zone = builder.zone;
        this.pageSize = builder.pageSize;
        Map<EventGroupColumn, String> names = new EnumMap<>(EventGroupColumn.class);
        for (EventGroupColumn column : EventGroupColumn.values()) {
            names.put(column, SqlTable.column(builder.names.getOrDefault(column, column.seedName())));
        }
        String openAndLive = " FROM " + table.sql() + " WHERE " + names.get(EventGroupColumn.PROCESSING_STATUS) + " = ? AND "
                + names.get(EventGroupColumn.DELETED_AT) + " IS NULL";
        // the select list follows the enum's order, so the mapper reads by position
        String id = names.get(EventGroupColumn.ID);
        this.boundsSql = "SELECT MIN(" + id + "), MAX(" + id + ")" + openAndLive;
        this.pageSql = "SELECT " + String.join(", ", names.values()) + openAndLive
                + " AND " + id + " >= ? AND " + id + " <= ? ORDER BY " + id + " LIMIT ?";
        this.currenciesSql = "SELECT DISTINCT " + names.get(EventGroupColumn.CURRENCY_CODE) + openAndLive;
    }

    /** A builder over {@code dataSource}, reading times in {@code zone}. */
    public static Builder builder(DataSource dataSource, ZoneId zone) {
        return new Builder(dataSource, zone);
    }

    /** A source over the seed's table and column names, in the connection's default database. */
    public MysqlFinancialEventGroupSource(DataSource dataSource, ZoneId zone) {
        this(builder(dataSource, zone));
    }

    @Override
    public Set<String> openCurrencies() {
        return jdbc.query("reading the currencies of the open groups in " + table, currenciesSql,
                        statement -> statement.setString(1, FinancialEventGroup.OPEN), row -> row.getString(1))
                .stream().collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public void forEachOpen(Consumer<FinancialEventGroup> action) {
        Optional<long[]> bounds = jdbc.queryFirst("reading the id range of the open groups of " + table, boundsSql,
                statement -> statement.setString(1, FinancialEventGroup.OPEN),
                row -> row.getObject(1) == null ? new long[0] : new long[] {row.getLong(1), row.getLong(2)});
        if (bounds.isEmpty() || bounds.get().length == 0) {
            return;
        }
        long max = bounds.get()[1];
        long window = pageSize * 10L;
        long from = bounds.get()[0];
        while (true) {
            long lowest = from;
            long highest = from > max - (window - 1) ? max : from + window - 1;
            List<KeyedGroup> page = jdbc.query("reading open groups of " + table + " with ids " + lowest + ".." + highest, pageSql,
                    statement -> {
                        statement.setString(1, FinancialEventGroup.OPEN);
                        statement.setLong(2, lowest);
                        statement.setLong(3, highest);
                        statement.setInt(4, pageSize);
                    },
                    this::keyedGroup);
            for (KeyedGroup row : page) {
                action.accept(row.group());
            }
            // a full page may have more rows in its window: continue after its last id; otherwise after the window
            long next = page.size() == pageSize ? page.get(page.size() - 1).id() : highest;
            if (next >= max) {
                return;
            }
            from = next + 1;
        }
    }

    private record KeyedGroup(long id, FinancialEventGroup group) {
    }

    private KeyedGroup keyedGroup(ResultSet row) throws SQLException {
        FinancialEventGroup group = FinancialEventGroup.builder()
                .uuid(row.getString(2))
                .createdAt(instant(row, 3))
                .updatedAt(instant(row, 4))
                .deletedAt(instant(row, 5))
                .sellerId(row.getString(6))
                .financialEventGroupId(row.getString(7))
                .processingStatus(row.getString(8))
                .fundTransferStatus(row.getString(9))
                .fundTransferDate(instant(row, 10))
                .traceId(row.getString(11))
                .accountTail(row.getString(12))
                .originalTotalAmount(row.getBigDecimal(13))
                .convertedTotalAmount(row.getBigDecimal(14))
                .beginningBalanceAmount(row.getBigDecimal(15))
                .financialEventGroupStart(instant(row, 16))
                .financialEventGroupEnd(instant(row, 17))
                .currencyCode(row.getString(18))
                .extHash(row.getString(19))
                .build();
        return new KeyedGroup(row.getLong(1), group);
    }

    private Instant instant(ResultSet row, int column) throws SQLException {
        LocalDateTime local = row.getObject(column, LocalDateTime.class);
        return local == null ? null : local.atZone(zone).toInstant();
    }

    /**
     * Configures a {@link MysqlFinancialEventGroupSource}.
     *
     * <p>Not thread-safe: mutable settings; build the source from one thread.
     */
    public static final class Builder {
        private final DataSource dataSource;
        private final ZoneId zone;
        private SqlTable table = SqlTable.of(DEFAULT_TABLE);
        private int pageSize = DEFAULT_PAGE_SIZE;
        private final Map<EventGroupColumn, String> names = new EnumMap<>(EventGroupColumn.class);

        private Builder(DataSource dataSource, ZoneId zone) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            this.zone = Checks.present("zone", zone);
        }

        /** The table (default {@value #DEFAULT_TABLE} in the connection's database). */
        public Builder table(SqlTable value) {
            table = Checks.present("table", value);
            return this;
        }

        /** The host's name of one column (checked as a plain SQL identifier). */
        public Builder column(EventGroupColumn column, String name) {
            SqlTable.column(name);
            names.put(Checks.present("column", column), name);
            return this;
        }

        /** Rows per page, 1–100,000 (default {@value #DEFAULT_PAGE_SIZE}). */
        public Builder pageSize(int value) {
            pageSize = Checks.inRange("page_size", value, 1, 100_000);
            return this;
        }

        /** Builds the source. */
        public MysqlFinancialEventGroupSource build() {
            return new MysqlFinancialEventGroupSource(this);
        }
    }
}
