package io.settlekit.testkit.reconcile;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes large synthetic PayPal STL files with consistent footers, and the receivables (JSON lines) that
 * go with them, for the memory and speed checks of reconciliation.
 *
 * <p>Row {@code i} is a USD payment {@code T0006} of order {@code ORD-i} (every tenth row a refund
 * {@code T1107} of order {@code ORD-(i-5)} instead). The receivables cover every {@code step}-th row
 * (the rest are unexpected in settlement), one in a hundred of them off by one cent.
 *
 * <p>Thread-safe: static generators whose every call writes its own file, no state.
 */
public final class GeneratedStl {
    private GeneratedStl() {
    }

    /** Summary of what was generated. */
    public record Generated(long rows, long receivables, long amountMismatches) {
    }

    /**
     * Writes {@code rows} SB rows to {@code stl} and the receivables of every {@code step}-th row to
     * {@code receivables}.
     */
    public static Generated write(Path stl, Path receivables, int rows, int step) throws IOException {
        long grossCredits = 0;
        long grossDebits = 0;
        long feeDebits = 0;
        long receivableCount = 0;
        long mismatches = 0;
        try (BufferedWriter out = Files.newBufferedWriter(stl, StandardCharsets.UTF_8);
             BufferedWriter expected = Files.newBufferedWriter(receivables, StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            out.write("\"RH\",2025/03/15 02:41:07 -0700,\"A\",\"SYNTHETIC0001\",009,\n\"FH\",01\n");
            out.write("\"SH\",2025/03/14 00:00:00 -0700,2025/03/14 23:59:59 -0700,\"SYNTHETIC0001\",\"\"\n");
            out.write("\"CH\",\"Transaction ID\",\"Invoice ID\",\"PayPal Reference ID\",\"PayPal Reference ID Type\",\"Transaction Event Code\","
                    + "\"Transaction Initiation Date\",\"Transaction Completion Date\",\"Transaction Debit or Credit\",\"Gross Transaction Amount\","
                    + "\"Gross Transaction Currency\",\"Fee Debit or Credit\",\"Fee Amount\",\"Fee Currency\",\"Custom Field\",\"Consumer ID\","
                    + "\"Payment Tracking ID\",\"Store ID\",\"Bank Reference ID\",\"Credit Transactional Fee\",\"Credit Promotional Fee\",\"Credit Term\"\n");
            for (int i = 0; i < rows; i++) {
                boolean refund = i % 10 == 9;
                long gross = 1000 + (i * 7919L) % 90000;
                long fee = refund ? 0 : gross * 349 / 10000 + 49;
                String order = "ORD-" + (refund ? i - 5 : i);
                String time = String.format("2025/03/14 %02d:%02d:%02d -0700", (i / 3600) % 24, (i / 60) % 60, i % 60);
                out.write("\"SB\",\"SYNTX" + String.format("%012d", i) + "\",\"" + order + "\",\"\",\"\",\"" + (refund ? "T1107" : "T0006")
                        + "\"," + time + "," + time + ",\"" + (refund ? "DR" : "CR") + "\"," + gross + ",\"USD\",\""
                        + (refund ? "" : "DR") + "\"," + (refund ? "" : Long.toString(fee)) + ",\"" + (refund ? "" : "USD")
                        + "\",\"cart-" + i + "\",\"SYNPAYER" + i + "\",\"\",\"\",\"\",,,\n");
                if (refund) {
                    grossDebits += gross;
                } else {
                    grossCredits += gross;
                    feeDebits += fee;
                }
                if (i % step == 0) {
                    boolean off = receivableCount % 100 == 99;
                    expected.write("{\"reference\":\"" + order + "\",\"direction\":\"" + (refund ? "reverse" : "forward")
                            + "\",\"amount\":{\"fee\":" + (off ? gross + 1 : gross) + ",\"fee_type\":\"USD\"},\"time\":\"2025-03-14T"
                            + String.format("%02d:%02d:%02d", (i / 3600) % 24, (i / 60) % 60, i % 60) + "-07:00\"}\n");
                    receivableCount++;
                    if (off) {
                        mismatches++;
                    }
                }
            }
            String footer = "\"USD\"," + grossCredits + "," + grossDebits + ",0," + feeDebits
                    + ",\"CR\",0,\"CR\",0,\"CR\",0,\"CR\",0,\"CR\",0,\"CR\",0," + rows + "\n";
            out.write("\"SF\"," + footer + "\"SC\"," + rows + "\n\"RF\"," + footer + "\"RC\"," + rows + "\n\"FF\"," + rows + "\n");
        }
        return new Generated(rows, receivableCount, mismatches);
    }
}
