package io.settlekit.reconcile;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A payment channel whose provider delivers settlement files, e.g. PayPal or Afterpay.
 *
 * @param code          the SDK's lower-case id, e.g. {@code paypal}
 * @param paymentMethod the name the shop stores as the payment method ({@code ps_order_payment.payment_method}),
 *                      compared upper-cased, e.g. {@code PAYPAL}
 */
public record Channel(String code, String paymentMethod) {
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    /** PayPal (settlement report STL). */
    public static final Channel PAYPAL = new Channel("paypal", "PAYPAL");
    /** Afterpay / Clearpay (settlement CSV). */
    public static final Channel AFTERPAY = new Channel("afterpay", "AFTERPAY");

    /** Validates the code's shape and upper-cases the payment method. */
    public Channel {
        code = Checks.notBlank("channel", code);
        if (!CODE.matcher(code).matches()) {
            throw ValidationException.invalid("channel", code, "must be lower-case letters, digits, _ or -, starting with a letter");
        }
        paymentMethod = Checks.notBlank("payment_method", paymentMethod).toUpperCase(Locale.ROOT);
    }

    /** The known channel with {@code code} ({@code paypal}, {@code afterpay}), else an error naming it. */
    public static Channel of(String code) {
        String checked = Checks.notBlank("channel", code);
        if (checked.equals(PAYPAL.code)) {
            return PAYPAL;
        }
        if (checked.equals(AFTERPAY.code)) {
            return AFTERPAY;
        }
        throw ValidationException.invalid("channel", code, "is not one of paypal, afterpay");
    }

    @Override
    public String toString() {
        return code;
    }
}
