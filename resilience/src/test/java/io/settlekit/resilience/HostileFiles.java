package io.settlekit.resilience;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Hostile settlement files: the sample PayPal STL and Afterpay files (the fixtures the examples ship) cut,
 * re-encoded and edited one way each, with the file line and column the parser must name.
 */
final class HostileFiles {
    static final String STL_NAME = "STL-20250314.01.009.CSV";
    static final String AFTERPAY_NAME = "afterpay-settlement-20250314-AU-synthetic.csv";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private HostileFiles() {
    }

    /** Which parser reads the file. */
    enum Format { PAYPAL, AFTERPAY }

    /** One hostile file and where the error must point. */
    record Case(String name, Format format, byte[] content, long line, String column) {
        @Override
        public String toString() {
            return format.name().toLowerCase(java.util.Locale.ROOT) + ": " + name;
        }
    }

    /** The sample STL file as text, without its byte-order mark. */
    static String stl() {
        return sample(STL_NAME);
    }

    /** The sample Afterpay file as text, without its byte-order mark. */
    static String afterpay() {
        return sample(AFTERPAY_NAME);
    }

    /** The raw bytes of a fixture, as shipped. */
    static byte[] fixture(String name) {
        try (InputStream in = HostileFiles.class.getResourceAsStream("/io/settlekit/examples/samples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        cases.addAll(paypal());
        cases.addAll(afterpayCases());
        return cases;
    }

    // Sample STL: line 1 RH, 2 FH, 3 SH, 4 CH, 5-24 SB, 25-27 SF, 28 SC, 29-31 RF, 32 RC, 33 FF.
    private static List<Case> paypal() {
        String stl = stl();
        List<String> lines = stl.lines().toList();
        String firstRow = lines.get(4);
        List<Case> cases = new ArrayList<>();
        cases.add(stl("truncated in the middle of a row", utf8(stl.substring(0, stl.indexOf("\"SB\",\"SYNTX000000000110\"") + 40)), 14, "SB"));
        cases.add(stl("truncated before the footers", utf8(String.join("\n", lines.subList(0, 24)) + "\n"), 24, "FF"));
        cases.add(stl("no FF footer", utf8(String.join("\n", lines.subList(0, 32)) + "\n"), 32, "FF"));
        cases.add(stl("the report count RC missing", utf8(String.join("\n", lines.subList(0, 31)) + "\n" + "\"FF\",20\n"), 32, "RC"));
        cases.add(stl("empty file", new byte[0], 0, "file"));
        cases.add(stl("only a byte-order mark", BOM, 0, "file"));
        cases.add(stl("wrong first record (an Afterpay file)", fixture(AFTERPAY_NAME), 1, "record type"));
        cases.add(stl("two byte-order marks", concat(BOM, fixture(STL_NAME)), 1, "record type"));
        cases.add(stl("UTF-16 without a byte-order mark", stl.getBytes(StandardCharsets.UTF_16LE), 1, "csv"));
        cases.add(stl("column header lacks Invoice ID", edit(stl, "\"Invoice ID\"", "\"Invoice Number\""), 4, "Invoice ID"));
        cases.add(stl("column header twice in a section", edit(stl, lines.get(3), lines.get(3) + "\n" + lines.get(3)), 5, "CH"));
        cases.add(stl("column header names Gross Transaction Amount twice",
                edit(stl, "\"Custom Field\"", "\"Gross Transaction Amount\""), 4, "Gross Transaction Amount"));
        cases.add(stl("a row before the column header", utf8(String.join("\n", lines.subList(0, 3)) + "\n" + firstRow + "\n"
                + String.join("\n", lines.subList(3, lines.size())) + "\n"), 4, "CH"));
        cases.add(stl("second file of a split report alone", edit(stl, "\"FH\",01", "\"FH\",02"), 2, "FH.sequence"));
        cases.add(stl("unknown record type", edit(stl, "\"SC\",20", "\"ZZ\",20"), 28, "record type"));
        cases.add(stl("a row with a 5 MB field", edit(stl, firstRow, "\"SB\",\"" + "A".repeat(5_000_000) + "\""), 5, "SB"));
        cases.add(stl("a row cut short", edit(stl, firstRow, firstRow.substring(0, 60)), 5, "SB"));
        cases.add(stl("amount with an exponent", editRow(stl, firstRow, ",8990,", ",8.99E3,"), 5, "Gross Transaction Amount"));
        cases.add(stl("amount with a thousands separator", editRow(stl, firstRow, ",8990,", ",\"8,990\","), 5, "Gross Transaction Amount"));
        cases.add(stl("amount with a decimal point", editRow(stl, firstRow, ",8990,", ",89.90,"), 5, "Gross Transaction Amount"));
        cases.add(stl("negative amount", editRow(stl, firstRow, ",8990,", ",-8990,"), 5, "Gross Transaction Amount"));
        cases.add(stl("enormous amount", editRow(stl, firstRow, ",8990,", ",9999999999999999999,"), 5, "Gross Transaction Amount"));
        cases.add(stl("fee amount with a space", editRow(stl, firstRow, ",363,", ",3 63,"), 5, "Fee Amount"));
        cases.add(stl("debit or credit flag unknown", editRow(stl, firstRow, "\"CR\",8990", "\"XX\",8990"), 5, "Transaction Debit or Credit"));
        cases.add(stl("currency not a code", editRow(stl, firstRow, "8990,\"USD\"", "8990,\"US$\""), 5, "Gross Transaction Currency"));
        cases.add(stl("currency SQL injection", editRow(stl, firstRow, "8990,\"USD\"", "8990,\"USD'; DROP TABLE ps_orders; --\""), 5,
                "Gross Transaction Currency"));
        cases.add(stl("fee in another currency", editRow(stl, firstRow, "363,\"USD\"", "363,\"EUR\""), 5, "Fee Currency"));
        cases.add(stl("date that does not exist", editRow(stl, firstRow, "2025/03/14 00:14:22 -0700,\"CR\"", "2025/02/31 00:14:22 -0700,\"CR\""),
                5, "Transaction Completion Date"));
        cases.add(stl("month 13", editRow(stl, firstRow, "2025/03/14 00:14:22 -0700,\"CR\"", "2025/13/14 00:14:22 -0700,\"CR\""),
                5, "Transaction Completion Date"));
        cases.add(stl("offset out of range", editRow(stl, firstRow, "2025/03/14 00:14:22 -0700,\"CR\"", "2025/03/14 00:14:22 -9900,\"CR\""),
                5, "Transaction Completion Date"));
        cases.add(stl("ISO date instead of PayPal's", editRow(stl, firstRow, "2025/03/14 00:14:22 -0700,\"CR\"", "2025-03-14T07:14:22Z,\"CR\""),
                5, "Transaction Completion Date"));
        cases.add(stl("empty transaction id", editRow(stl, firstRow, "\"SYNTX000000000101\"", "\"\""), 5, "Transaction ID"));
        cases.add(stl("section footer total off by one cent", edit(stl, "\"SF\",\"USD\",61214", "\"SF\",\"USD\",61215"), 25, "SF.total gross credits"));
        cases.add(stl("section count wrong", edit(stl, "\"SC\",20", "\"SC\",21"), 28, "SC.count"));
        cases.add(stl("file footer count wrong", edit(stl, "\"FF\",20", "\"FF\",19"), 33, "FF.count"));
        cases.add(stl("a record after the file footer", utf8(stl + "\"SB\",\"X\"\n"), 34, "record type"));
        cases.add(stl("CRLF line ends and a bad amount", editRow(stl.replace("\n", "\r\n"), firstRow, ",8990,", ",8.990,"), 5,
                "Gross Transaction Amount"));
        return cases;
    }

    // Sample Afterpay export: line 1 header, lines 2-21 rows.
    private static List<Case> afterpayCases() {
        String csv = afterpay();
        List<String> lines = csv.lines().toList();
        String header = lines.get(0);
        String row = lines.get(1);
        String amounts = "\"$85.95\",\"$85.95\",\"$5.46\",\"$0.55\",\"$6.00\",\"$79.95\"";
        List<Case> cases = new ArrayList<>();
        cases.add(afterpay("empty file", new byte[0], 0, "file"));
        cases.add(afterpay("a PayPal file", fixture(STL_NAME), 1, "header"));
        cases.add(afterpay("UTF-16 without a byte-order mark", csv.getBytes(StandardCharsets.UTF_16LE), 1, "csv"));
        cases.add(afterpay("header lacks Merchant Order ID", edit(csv, "\"Merchant Order ID\"", "\"Merchant Reference\""), 1, "Merchant Order ID"));
        cases.add(afterpay("header names Settlement Amount twice", edit(csv, "\"Order Amount\"", "\"Settlement Amount\""), 1, "Settlement Amount"));
        cases.add(afterpay("header repeated as a row", edit(csv, row, header + "\n" + row), 2, "Settlement Amount"));
        cases.add(afterpay("truncated in the middle of the last row", utf8(csv.substring(0, csv.stripTrailing().length() - 30)), 21, "row"));
        cases.add(afterpay("a row with an extra field", edit(csv, row, row + ",\"extra\""), 2, "row"));
        cases.add(afterpay("CRLF line ends and a row cut inside a quote", edit(csv.replace("\n", "\r\n"), lines.get(2), lines.get(2).substring(0, 50)),
                3, "csv"));
        cases.add(afterpay("CRLF line ends and a row cut between fields", edit(csv.replace("\n", "\r\n"), lines.get(2),
                lines.get(2).substring(0, lines.get(2).indexOf(",\"Order\""))), 3, "row"));
        cases.add(afterpay("amount with an exponent", editRow(csv, row, amounts, amounts.replace("\"$85.95\",\"$85.95\"", "\"$85.95\",\"$8.595E1\"")),
                2, "Settlement Amount"));
        cases.add(afterpay("thousands separator in the wrong place", editRow(csv, row, amounts, amounts.replace("\"$85.95\",\"$85.95\"", "\"$85.95\",\"$1,00.00\"")),
                2, "Settlement Amount"));
        cases.add(afterpay("two decimal points", editRow(csv, row, amounts, amounts.replace("\"$85.95\",\"$85.95\"", "\"$85.95\",\"$85.9.5\"")),
                2, "Settlement Amount"));
        cases.add(afterpay("thirteen decimals", editRow(csv, row, amounts, amounts.replace("\"$85.95\",\"$85.95\"", "\"$85.95\",\"$85.9500000000001\"")),
                2, "Settlement Amount"));
        cases.add(afterpay("a megabyte of digits", editRow(csv, row, amounts, amounts.replace("\"$85.95\",\"$85.95\"", "\"$85.95\",\"$85." + "9".repeat(1_000_000) + "\"")),
                2, "Settlement Amount"));
        cases.add(afterpay("enormous amount", editRow(csv, row, amounts, amounts.replace("\"$85.95\",\"$85.95\"", "\"$85.95\",\"$99999999999999999999\"")),
                2, "Settlement Amount"));
        cases.add(afterpay("amount above 64 bits of cents", editRow(csv, row, amounts, amounts.replace("\"$85.95\",\"$85.95\"", "\"$85.95\",\"$92233720368547758.08\"")),
                2, "Settlement Amount"));
        cases.add(afterpay("net and gross whose fee overflows", editRow(csv, row, amounts,
                "\"$85.95\",\"$92233720368547758.07\",\"$5.46\",\"$0.55\",\"$6.00\",\"-$92233720368547758.07\""), 2, "Net Settlement Amount"));
        cases.add(afterpay("minus sign twice", editRow(csv, row, amounts, amounts.replace("\"$79.95\"", "\"-$-79.95\"")), 2, "Net Settlement Amount"));
        cases.add(afterpay("currency after the amount", editRow(csv, row, amounts, amounts.replace("\"$79.95\"", "\"79.95 AUD\"")), 2, "Net Settlement Amount"));
        cases.add(afterpay("amount SQL injection", editRow(csv, row, amounts, amounts.replace("\"$79.95\"", "\"$79.95'; DROP TABLE ps_orders; --\"")),
                2, "Net Settlement Amount"));
        cases.add(afterpay("settlement date 31 February", editRow(csv, row, "\"14/03/2025\"", "\"31/02/2025\""), 2, "Settlement Date"));
        cases.add(afterpay("settlement date month 13", editRow(csv, row, "\"14/03/2025\"", "\"14/13/2025\""), 2, "Settlement Date"));
        cases.add(afterpay("settlement date in ISO form", editRow(csv, row, "\"14/03/2025\"", "\"2025-03-14\""), 2, "Settlement Date"));
        cases.add(afterpay("order time 25:41", editRow(csv, row, "\"12/03/2025 08:41\"", "\"12/03/2025 25:41\""), 2, "Order Date and Time"));
        cases.add(afterpay("order time with seconds", editRow(csv, row, "\"12/03/2025 08:41\"", "\"12/03/2025 08:41:00\""), 2, "Order Date and Time"));
        return cases;
    }

    private static Case stl(String name, byte[] content, long line, String column) {
        return new Case(name, Format.PAYPAL, content, line, column);
    }

    private static Case afterpay(String name, byte[] content, long line, String column) {
        return new Case(name, Format.AFTERPAY, content, line, column);
    }

    private static String sample(String name) {
        String text = new String(fixture(name), StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static byte[] edit(String text, String what, String with) {
        return utf8(replaceOnce(text, what, with));
    }

    /** Edits {@code what} inside {@code row} only, so the change lands on that row's line. */
    private static byte[] editRow(String text, String row, String what, String with) {
        String line = text.contains(row) ? row : row.replace("\n", "\r\n");
        return utf8(replaceOnce(text, line, replaceOnce(line, what, with)));
    }

    private static String replaceOnce(String text, String what, String with) {
        UnaryOperator<String> op = t -> {
            int at = t.indexOf(what);
            if (at < 0) {
                throw new IllegalStateException("the fixture no longer contains " + what);
            }
            return t.substring(0, at) + with + t.substring(at + what.length());
        };
        return op.apply(text);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
