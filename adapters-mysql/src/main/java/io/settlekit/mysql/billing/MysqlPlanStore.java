package io.settlekit.mysql.billing;

import io.settlekit.base.ValidationException;
import io.settlekit.mysql.Jdbc;
import io.settlekit.mysql.SqlTable;
import io.settlekit.billing.Cycle;
import io.settlekit.billing.MerchantIds;
import io.settlekit.billing.Plan;
import io.settlekit.billing.SettleRemind;
import io.settlekit.billing.StoredPlan;
import io.settlekit.billing.PlanStore;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plan histories over the seed's {@code tbl_user_pay_method}, exactly as the seed lists its columns:
 * appends rows (never updates), reads them in {@code id} order.
 *
 * <p>Encoding: daily rows carry zeros in the four cycle columns; weekly and monthly rows carry
 * {@code begin_day}/{@code settle_day}; custom rows carry {@code cycle_length}/{@code delay_day} and, for
 * the old edit endpoint's readers, the same values in {@code begin_day}/{@code settle_day}. Reading
 * accepts the old form too: a custom row with {@code cycle_length = 0} takes its length from
 * {@code begin_day} and its delay from {@code settle_day}. {@code settle_remind} 1–7 is on, anything else
 * off. A row that still makes no plan (an unknown {@code pay_method}, a day out of range) is skipped and
 * logged with its id, never guessed at.
 *
 * <p>{@code user_id} is an int in the seed, so merchant ids must be decimal integers here.
 * {@code create_time} is local time in the zone given.
 *
 * <p>Thread-safe: final fields only; every call borrows its own connection.
 */
public final class MysqlPlanStore implements PlanStore {
    /** The seed's table name. */
    public static final String DEFAULT_TABLE = "tbl_user_pay_method";

    private static final Logger LOG = LoggerFactory.getLogger(MysqlPlanStore.class);
    private static final String COLUMNS =
            "id, user_id, pay_method, begin_day, settle_day, cycle_length, delay_day, effective_date, settle_remind, create_time";

    private final Jdbc jdbc;
    private final SqlTable table;
    private final ZoneId zone;

    /** A store over {@code tbl_user_pay_method} in the connection's default database. */
    public MysqlPlanStore(DataSource dataSource, ZoneId zone) {
        this(dataSource, SqlTable.of(DEFAULT_TABLE), zone);
    }

    /**
     * @param dataSource the host's pool
     * @param table      the plan table (the seed's columns)
     * @param zone       the zone of the {@code create_time} column's local times
     */
    public MysqlPlanStore(DataSource dataSource, SqlTable table, ZoneId zone) {
        this.jdbc = new Jdbc(dataSource);
        this.table = Objects.requireNonNull(table, "table");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public void append(StoredPlan row) {
        int userId = userId(row.merchantId()).orElseThrow(() -> ValidationException.invalid("merchant_id", row.merchantId(),
                "must be a decimal integer: it is the user_id of " + table));
        Plan plan = row.plan();
        int[] days = cycleColumns(plan.cycle());
        jdbc.update("saving a plan of merchant " + row.merchantId() + " into " + table,
                "INSERT INTO " + table.sql()
                        + " (user_id, pay_method, begin_day, settle_day, cycle_length, delay_day, effective_date, settle_remind, create_time)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                statement -> {
                    statement.setInt(1, userId);
                    statement.setInt(2, plan.cycle().payMethod());
                    for (int i = 0; i < 4; i++) {
                        statement.setInt(3 + i, days[i]);
                    }
                    statement.setObject(7, plan.effectiveDate());
                    statement.setInt(8, plan.remind().wireValue());
                    statement.setObject(9, LocalDateTime.ofInstant(row.savedAt(), zone));
                });
    }

    @Override
    public List<StoredPlan> history(String merchantId) {
        Optional<Integer> userId = userId(merchantId);
        if (userId.isEmpty()) {
            return List.of();
        }
        return jdbc.query("reading the plans of merchant " + merchantId + " from " + table,
                        "SELECT " + COLUMNS + " FROM " + table.sql() + " WHERE user_id = ? ORDER BY id",
                        statement -> statement.setInt(1, userId.get()),
                        this::row)
                .stream().flatMap(Optional::stream).toList();
    }

    /**
     * One statement whatever the number of merchants: an {@code IN} list of up to {@link InLists#CHUNK}
     * user ids, or above that one streaming scan of the table along its primary key, keeping the requested
     * merchants' rows.
     */
    @Override
    public Map<String, List<StoredPlan>> histories(Collection<String> merchantIds) {
        Set<Integer> wanted = new LinkedHashSet<>();
        merchantIds.forEach(id -> userId(id).ifPresent(wanted::add));
        Map<String, List<StoredPlan>> byMerchant = new LinkedHashMap<>();
        if (wanted.isEmpty()) {
            return byMerchant;
        }
        boolean scan = InLists.scan(wanted.size());
        List<Integer> ids = scan ? List.of() : List.copyOf(wanted);
        // ORDER BY id alone: a scan reads along the primary key, so each merchant's rows still come in id order
        jdbc.stream("reading the plans of " + wanted.size() + " merchants from " + table,
                "SELECT " + COLUMNS + " FROM " + table.sql()
                        + (scan ? " ORDER BY id" : " WHERE user_id IN (" + InLists.placeholders(ids.size()) + ") ORDER BY user_id, id"),
                statement -> bindInts(statement, ids),
                row -> {
                    if (!scan || wanted.contains(row.getInt(2))) {
                        row(row).ifPresent(plan -> byMerchant.computeIfAbsent(plan.merchantId(), m -> new ArrayList<>()).add(plan));
                    }
                });
        return byMerchant;
    }

    @Override
    public Map<String, List<StoredPlan>> historiesWithReminders() {
        Map<String, List<StoredPlan>> byMerchant = new TreeMap<>();
        collect(byMerchant, jdbc.query("reading the plans of merchants with reminders from " + table,
                "SELECT " + COLUMNS + " FROM " + table.sql()
                        + " WHERE user_id IN (SELECT user_id FROM " + table.sql() + " WHERE settle_remind BETWEEN 1 AND 7)"
                        + " ORDER BY user_id, id",
                statement -> { },
                this::row));
        // a merchant whose only reminder row was skipped as unreadable is no candidate
        byMerchant.values().removeIf(rows -> rows.stream().noneMatch(row -> row.plan().remind().isOn()));
        return byMerchant;
    }

    private static void collect(Map<String, List<StoredPlan>> byMerchant, List<Optional<StoredPlan>> rows) {
        rows.stream().flatMap(Optional::stream)
                .forEach(row -> byMerchant.computeIfAbsent(row.merchantId(), m -> new ArrayList<>()).add(row));
    }

    private static void bindInts(PreparedStatement statement, List<Integer> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setInt(i + 1, values.get(i));
        }
    }

    /** begin_day, settle_day, cycle_length, delay_day of a cycle. */
    private static int[] cycleColumns(Cycle cycle) {
        if (cycle instanceof Cycle.Weekly weekly) {
            return new int[] {weekly.beginDay(), weekly.settleDay(), 0, 0};
        }
        if (cycle instanceof Cycle.Monthly monthly) {
            return new int[] {monthly.beginDay(), monthly.settleDay(), 0, 0};
        }
        if (cycle instanceof Cycle.Custom custom) {
            return new int[] {custom.cycleLength(), custom.delayDays(), custom.cycleLength(), custom.delayDays()};
        }
        return new int[] {0, 0, 0, 0};
    }

    private Optional<StoredPlan> row(ResultSet row) throws SQLException {
        long id = row.getLong(1);
        String merchant = Long.toString(row.getLong(2));
        int payMethod = row.getInt(3);
        int beginDay = row.getInt(4);
        int settleDay = row.getInt(5);
        int cycleLength = row.getInt(6);
        int delayDay = row.getInt(7);
        LocalDate effective = row.getObject(8, LocalDate.class);
        int remind = row.getInt(9);
        LocalDateTime created = row.getObject(10, LocalDateTime.class);
        try {
            if (created == null) {
                throw ValidationException.missing("create_time");
            }
            Cycle cycle = switch (payMethod) {
                case 1 -> new Cycle.Daily();
                case 2 -> new Cycle.Weekly(beginDay, settleDay);
                case 3 -> new Cycle.Monthly(beginDay, settleDay);
                case 4 -> cycleLength > 0 ? new Cycle.Custom(cycleLength, delayDay) : new Cycle.Custom(beginDay, settleDay);
                default -> throw ValidationException.invalid("pay_method", payMethod, "must be 1, 2, 3 or 4");
            };
            SettleRemind settleRemind = remind >= 1 && remind <= 7 ? SettleRemind.daysBefore(remind) : SettleRemind.OFF;
            return Optional.of(new StoredPlan(merchant, new Plan(cycle, effective, settleRemind), created.atZone(zone).toInstant()));
        } catch (ValidationException bad) {
            LOG.warn("skipping row id {} of {} (merchant {}): {}", id, table, merchant, bad.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<Integer> userId(String merchantId) {
        String id = MerchantIds.check("merchant_id", merchantId);
        if (!id.matches("-?[0-9]{1,10}")) {
            return Optional.empty();
        }
        long value = Long.parseLong(id);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE || !Long.toString(value).equals(id)) {
            return Optional.empty();
        }
        return Optional.of((int) value);
    }
}
