package io.settlekit.mysql;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A table name, optionally qualified by its database (schema), as the adapters are told to use it.
 * Names are identifiers, never SQL: letters, digits, {@code _} and {@code $}, at most 64 characters; they
 * are rendered back-quoted.
 *
 * @param schema the database holding the table, or empty for the connection's default database
 * @param name   the table name
 */
public record SqlTable(Optional<String> schema, String name) {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_$]{1,64}");

    /** Validates both identifiers. */
    public SqlTable {
        schema = Checks.present("schema", schema).map(s -> identifier("schema", s));
        name = identifier("table", name);
    }

    /** A table in the connection's default database. */
    public static SqlTable of(String name) {
        return new SqlTable(Optional.empty(), name);
    }

    /** A table in database {@code schema}. */
    public static SqlTable of(String schema, String name) {
        return new SqlTable(Optional.of(schema), name);
    }

    /** The same table name in database {@code schema}. */
    public SqlTable inSchema(String schema) {
        return new SqlTable(Optional.of(schema), name);
    }

    /** The back-quoted, possibly qualified name, e.g. {@code `xnn_core_product_2`.`tbl_fee_rate`}. */
    public String sql() {
        return schema.map(s -> "`" + s + "`.").orElse("") + "`" + name + "`";
    }

    /** Checks a column or table identifier and returns it back-quoted. */
    public static String column(String name) {
        return "`" + identifier("column", name) + "`";
    }

    private static String identifier(String field, String value) {
        String checked = Checks.notBlank(field, value);
        if (!IDENTIFIER.matcher(checked).matches() || !checked.equals(value)) {
            throw ValidationException.invalid(field, value, "must be a plain SQL identifier (letters, digits, _ or $, at most 64)");
        }
        return checked;
    }

    @Override
    public String toString() {
        return sql();
    }
}
