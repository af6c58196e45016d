package io.settlekit.base;

/**
 * Two things that must share a fee type do not: an order line and its customer, a customer and the
 * sale menu it is bound to, a voucher and the orders it writes off.
 */
public class CurrencyMismatchException extends SettlekitException {
    private static final long serialVersionUID = 1L;

    private final String subject;
    private final String expected;
    private final String actual;

    /**
     * @param subject  the offending object, as a field path or id, e.g. {@code lines[2]} or {@code customer C-17}
     * @param expected the fee type it had to have
     * @param actual   the fee type it has
     */
    public CurrencyMismatchException(String subject, String expected, String actual) {
        super(ErrorCode.CURRENCY_MISMATCH, subject,
                subject + " = '" + actual + "': fee type must be " + expected, null);
        this.subject = subject;
        this.expected = expected;
        this.actual = actual;
    }

    /** The offending object. */
    public String subject() {
        return subject;
    }

    /** The fee type required. */
    public String expected() {
        return expected;
    }

    /** The fee type found. */
    public String actual() {
        return actual;
    }
}
