package io.settlekit.mysql.reconcile;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;
import io.settlekit.money.Amount;
import io.settlekit.money.FeeTypeCodes;
import io.settlekit.mysql.Jdbc;
import io.settlekit.reconcile.Channel;
import io.settlekit.reconcile.Direction;
import io.settlekit.reconcile.Receivable;
import io.settlekit.reconcile.Site;
import io.settlekit.reconcile.ReceivableSource;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The shop's receivables over its PrestaShop tables, with the seed's queries (rule R9.7 of docs/rules.md), one
 * statement streamed in time order:
 * <ul>
 *   <li><b>forward</b>: orders created in the window ({@code ps_orders.date_add}) that reached state 2
 *       (payment accepted) in {@code ps_order_history}, with each of their payments of the channel
 *       ({@code upper(ps_order_payment.payment_method)} = the channel's payment method); amount = the
 *       payment's amount in the payment's currency, time = the payment's {@code date_add};</li>
 *   <li><b>reverse</b>: order slips created in the window ({@code ps_order_slip.date_add}) whose order was
 *       paid through the channel; amount = {@code amount + other_cost_amount + shipping_method +
 *       tax_cost_amount} in the order's currency, time = the slip's {@code date_add}.</li>
 * </ul>
 * {@code DATETIME} columns are local times of the zone given here. Amounts are rounded half-up to the
 * currency's minor digits (PrestaShop keeps six decimals). Each site's tables are configured
 * ({@link PrestashopTables}); a site without tables is an error naming it.
 *
 * <p>Thread-safe: final fields (an immutable copy of the site tables); every read borrows its own connection.
 */
public final class MysqlReceivableSource implements ReceivableSource {
    private final Jdbc jdbc;
    private final ZoneId zone;
    private final Map<Integer, PrestashopTables> tablesBySite;

    /**
     * @param dataSource   the host's pool (one server holding every site's database)
     * @param zone         the zone of the tables' local times
     * @param tablesBySite the tables of each site, by site id
     */
    public MysqlReceivableSource(DataSource dataSource, ZoneId zone, Map<Integer, PrestashopTables> tablesBySite) {
        this.jdbc = new Jdbc(dataSource);
        this.zone = Objects.requireNonNull(zone, "zone");
        this.tablesBySite = Map.copyOf(tablesBySite);
    }

    @Override
    public void read(Channel channel, Site site, Instant from, Instant until, Consumer<Receivable> sink) {
        Checks.present("channel", channel);
        PrestashopTables tables = tablesBySite.get(Checks.present("site", site).id());
        if (tables == null) {
            throw ValidationException.invalid("site", site.name(), "has no PrestaShop tables configured");
        }
        LocalDateTime start = LocalDateTime.ofInstant(Checks.present("from", from), zone);
        LocalDateTime end = LocalDateTime.ofInstant(Checks.present("until", until), zone);
        String sql = sql(tables);
        jdbc.withConnection("reading the " + channel.code() + " receivables of site " + site.name() + " from " + start + " to " + end,
                connection -> {
                    try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                        statement.setFetchSize(Integer.MIN_VALUE); // stream rows (MySQL Connector/J)
                        statement.setObject(1, start);
                        statement.setObject(2, end);
                        statement.setString(3, channel.paymentMethod());
                        statement.setObject(4, start);
                        statement.setObject(5, end);
                        statement.setString(6, channel.paymentMethod());
                        try (ResultSet rows = statement.executeQuery()) {
                            while (rows.next()) {
                                sink.accept(receivable(rows));
                            }
                        }
                    }
                    return null;
                });
    }

    private Receivable receivable(ResultSet row) throws SQLException {
        Direction direction = row.getString(1).equals("F") ? Direction.FORWARD : Direction.REVERSE;
        String currency = FeeTypeCodes.check("iso_code", row.getString(4));
        BigDecimal amount = row.getBigDecimal(3);
        long minor = amount.setScale(FeeTypeCodes.minorDigits(currency), RoundingMode.HALF_UP).unscaledValue().longValueExact();
        return new Receivable(row.getString(2), direction, Amount.ofMinor(currency, minor),
                row.getObject(5, LocalDateTime.class).atZone(zone).toInstant());
    }

    private static String sql(PrestashopTables t) {
        String orders = t.table("orders").sql();
        String history = t.table("order_history").sql();
        String payments = t.table("order_payment").sql();
        String slips = t.table("order_slip").sql();
        String currencies = t.table("currency").sql();
        return "SELECT 'F' AS direction, o.reference, p.amount AS amount, c.iso_code, p.date_add AS at"
                + " FROM (SELECT DISTINCT o.reference FROM " + orders + " o"
                + "   WHERE o.date_add >= ? AND o.date_add < ?"
                + "   AND EXISTS (SELECT 1 FROM " + history + " h WHERE h.id_order = o.id_order AND h.id_order_state = 2)) o"
                + " JOIN " + payments + " p ON p.order_reference = o.reference AND UPPER(p.payment_method) = ?"
                + " JOIN " + currencies + " c ON c.id_currency = p.id_currency"
                + " UNION ALL"
                + " SELECT 'R', o.reference, s.amount + s.other_cost_amount + s.shipping_method + s.tax_cost_amount, c.iso_code, s.date_add"
                + " FROM " + slips + " s"
                + " JOIN " + orders + " o ON o.id_order = s.id_order"
                + " JOIN " + currencies + " c ON c.id_currency = o.id_currency"
                + " WHERE s.date_add >= ? AND s.date_add < ?"
                + " AND EXISTS (SELECT 1 FROM " + payments + " p WHERE p.order_reference = o.reference AND UPPER(p.payment_method) = ?)"
                + " ORDER BY at, direction, reference";
    }
}
