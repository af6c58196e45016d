package io.settlekit.money;

import io.settlekit.base.CurrencyMismatchException;
import io.settlekit.base.ErrorCode;
import io.settlekit.base.ValidationException;

import javax.money.MonetaryAmount;
import java.math.BigDecimal;
import java.math.RoundingMode;

import org.javamoney.moneta.Money;

/**
 * An exact amount in minor units ("fen") of one currency: the SDK's internal money type.
 *
 * <p>Cheap to create and add (a {@code long} and a code). Convert to and from JSR-354
 * {@link MonetaryAmount} only at the API boundary with {@link #of(MonetaryAmount)} and
 * {@link #toMonetaryAmount()}.
 *
 * @param feeType the currency code, e.g. {@code CNY}
 * @param fen     the amount in minor units of that currency (cents; yen for JPY); may be negative
 */
public record Amount(String feeType, long fen) {

    /** Validates the code's shape. */
    public Amount {
        feeType = FeeTypeCodes.check("fee_type", feeType);
    }

    /** An amount of {@code fen} minor units of {@code feeType}. */
    public static Amount ofMinor(String feeType, long fen) {
        return new Amount(feeType, fen);
    }

    /** Zero of {@code feeType}. */
    public static Amount zero(String feeType) {
        return new Amount(feeType, 0);
    }

    /**
     * An amount given in major units, e.g. {@code 12.34} CNY. Exact: more decimals than the currency
     * has minor digits is an error, never a silent rounding.
     */
    public static Amount ofMajor(String feeType, BigDecimal major) {
        String code = FeeTypeCodes.check("fee_type", feeType);
        int digits = FeeTypeCodes.minorDigits(code);
        try {
            return new Amount(code, major.movePointRight(digits).longValueExact());
        } catch (ArithmeticException inexact) {
            throw ValidationException.invalid("amount", major,
                    code + " has " + digits + " minor digits and amounts must fit a 64-bit count of them");
        }
    }

    /** Converts a JSR-354 amount exactly (see {@link #ofMajor(String, BigDecimal)}). */
    public static Amount of(MonetaryAmount amount) {
        if (amount == null) {
            throw ValidationException.missing("amount");
        }
        return ofMajor(amount.getCurrency().getCurrencyCode(), amount.getNumber().numberValueExact(BigDecimal.class));
    }

    /** The amount in major units with exactly the currency's minor digits, e.g. {@code 123.45}. */
    public BigDecimal toMajor() {
        return BigDecimal.valueOf(fen, minorDigits());
    }

    /** This amount as a Moneta {@link Money}. */
    public MonetaryAmount toMonetaryAmount() {
        return Money.of(toMajor(), MonetaryCurrencies.get(feeType));
    }

    /** The currency's minor digits. */
    public int minorDigits() {
        return FeeTypeCodes.minorDigits(feeType);
    }

    /** The sum of two amounts of the same currency; throws on a different currency or on overflow. */
    public Amount plus(Amount other) {
        requireSameCurrency(other);
        return new Amount(feeType, addExact(fen, other.fen));
    }

    /** The difference of two amounts of the same currency; throws on a different currency or on overflow. */
    public Amount minus(Amount other) {
        requireSameCurrency(other);
        try {
            return new Amount(feeType, Math.subtractExact(fen, other.fen));
        } catch (ArithmeticException overflow) {
            throw overflow("amount", fen + " - " + other.fen);
        }
    }

    /** This amount with the sign flipped. */
    public Amount negate() {
        if (fen == Long.MIN_VALUE) {
            throw overflow("amount", Long.toString(fen));
        }
        return new Amount(feeType, -fen);
    }

    /** Whether the amount is below zero. */
    public boolean isNegative() {
        return fen < 0;
    }

    @Override
    public String toString() {
        return toMajor().toPlainString() + " " + feeType;
    }

    static long addExact(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException overflow) {
            throw overflow("amount", a + " + " + b);
        }
    }

    static ValidationException overflow(String field, String expression) {
        return new ValidationException(ErrorCode.ARITHMETIC_OVERFLOW, field, expression,
                "result does not fit a 64-bit count of minor units");
    }

    private void requireSameCurrency(Amount other) {
        if (!feeType.equals(other.feeType)) {
            throw new CurrencyMismatchException("amount", feeType, other.feeType);
        }
    }

    /** Rounds a major-unit decimal to {@code feeType}'s minor digits, half-up, as an {@link Amount}. */
    static Amount roundHalfUp(String feeType, BigDecimal major) {
        int digits = FeeTypeCodes.minorDigits(feeType);
        try {
            return new Amount(feeType, major.setScale(digits, RoundingMode.HALF_UP).unscaledValue().longValueExact());
        } catch (ArithmeticException overflow) {
            throw overflow("amount", ValidationException.shown(major));
        }
    }
}
