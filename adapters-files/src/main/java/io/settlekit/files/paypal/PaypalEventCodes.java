package io.settlekit.files.paypal;

import io.settlekit.internal.Checks;
import io.settlekit.reconcile.LineKind;

import java.util.HashMap;
import java.util.Map;

/**
 * Maps PayPal transaction event codes (T-codes) to {@link LineKind}s: exact codes first, then the
 * code's group ({@code T00} payments, {@code T01} fees, {@code T03}/{@code T04} transfers), else
 * {@link LineKind#OTHER}. Hosts may add or override codes.
 *
 * <p>Thread-safe: immutable (an unmodifiable copy of the codes).
 */
public final class PaypalEventCodes {
    private final Map<String, LineKind> exact;

    private PaypalEventCodes(Map<String, LineKind> exact) {
        this.exact = Map.copyOf(exact);
    }

    /**
     * The default mapping: refunds {@code T1106} (reversal by PayPal) and {@code T1107} (merchant refund);
     * fee reversals {@code T1108}/{@code T1109} are fees; chargeback {@code T1201}; currency conversions
     * {@code T0200}/{@code T0201}, dispute holds {@code T1110}/{@code T1111} and chargeback reversal
     * {@code T1202} are other; {@code T00xx} payments, {@code T01xx} fees, {@code T03xx}/{@code T04xx}
     * transfers.
     */
    public static PaypalEventCodes defaults() {
        Map<String, LineKind> codes = new HashMap<>();
        codes.put("T1106", LineKind.REFUND);
        codes.put("T1107", LineKind.REFUND);
        codes.put("T1108", LineKind.FEE);
        codes.put("T1109", LineKind.FEE);
        codes.put("T1201", LineKind.CHARGEBACK);
        codes.put("T1202", LineKind.OTHER);
        codes.put("T0200", LineKind.OTHER);
        codes.put("T0201", LineKind.OTHER);
        return new PaypalEventCodes(codes);
    }

    /** This mapping with {@code code} mapped to {@code kind}. */
    public PaypalEventCodes with(String code, LineKind kind) {
        Map<String, LineKind> codes = new HashMap<>(exact);
        codes.put(Checks.notBlank("event_code", code), Checks.present("kind", kind));
        return new PaypalEventCodes(codes);
    }

    /** The kind of {@code code}. */
    public LineKind kindOf(String code) {
        LineKind kind = exact.get(code);
        if (kind != null) {
            return kind;
        }
        if (code.length() == 5 && code.charAt(0) == 'T') {
            switch (code.substring(0, 3)) {
                case "T00": return LineKind.PAYMENT;
                case "T01": return LineKind.FEE;
                case "T03", "T04": return LineKind.TRANSFER;
                default: return LineKind.OTHER;
            }
        }
        return LineKind.OTHER;
    }
}
