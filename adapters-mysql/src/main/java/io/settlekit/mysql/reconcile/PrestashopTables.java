package io.settlekit.mysql.reconcile;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;
import io.settlekit.mysql.SqlTable;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where one shop's PrestaShop tables are: a database (or the connection's default) and the table prefix
 * ({@code ps_} by default).
 *
 * @param schema the database holding the tables, or empty for the connection's default database
 * @param prefix the table name prefix, e.g. {@code ps_}
 */
public record PrestashopTables(Optional<String> schema, String prefix) {
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_$]{0,40}");

    /** Validates the prefix (the schema is validated by {@link SqlTable}). */
    public PrestashopTables {
        Checks.present("schema", schema);
        Checks.present("prefix", prefix);
        if (!PREFIX.matcher(prefix).matches()) {
            throw ValidationException.invalid("prefix", prefix, "must be letters, digits, _ or $ (at most 40)");
        }
        schema.ifPresent(s -> SqlTable.of(s, "x"));
    }

    /** {@code ps_} tables in the connection's default database. */
    public static PrestashopTables defaults() {
        return new PrestashopTables(Optional.empty(), "ps_");
    }

    /** {@code ps_} tables in database {@code schema}. */
    public static PrestashopTables inSchema(String schema) {
        return new PrestashopTables(Optional.of(schema), "ps_");
    }

    /** The table {@code prefix + name}, e.g. {@code ps_orders}. */
    public SqlTable table(String name) {
        return new SqlTable(schema, prefix + name);
    }
}
