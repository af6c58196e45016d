package io.settlekit.balance;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One store balance snapshot document (rule R7.2 of docs/rules.md, seed 003 {@code financial_event_group}): a source
 * group plus the day it was loaded for, when, and its balance in CNY.
 *
 * <p>The rule: {@code original_total_amount} is the source amount rounded {@code HALF_UP} to an integer
 * (the seed's "取整数后的值"); {@code cny_balance = exchange_rate × original_total_amount}, rounded
 * {@code HALF_UP} to fen. The compact constructor enforces that rule, so no snapshot whose numbers
 * disagree can exist. {@code HALF_UP} rounds half away from zero, so a negative balance rounds like its
 * positive mirror.
 *
 * @param group               the source row, every column as read
 * @param loadDate            the snapshot's day ({@code load_date})
 * @param insertTime          when its run took the rates ({@code insert_time}), to the millisecond
 * @param exchangeRate        1 unit of the group's currency in CNY at that time (1 for CNY), &gt; 0, at most
 *                            34 significant digits (it must fit a {@code Decimal128})
 * @param originalTotalAmount the source amount rounded to an integer
 * @param cnyBalance          the balance in CNY, scale 2
 */
public record BalanceSnapshot(FinancialEventGroup group, LocalDate loadDate, Instant insertTime, BigDecimal exchangeRate,
                              BigDecimal originalTotalAmount, BigDecimal cnyBalance) {

    /** Significant digits a {@code Decimal128} holds. */
    public static final int MAX_RATE_DIGITS = 34;

    /** Validates every field and the rounding rule. */
    public BalanceSnapshot {
        Checks.present("group", group);
        Checks.present("load_date", loadDate);
        insertTime = Checks.present("insert_time", insertTime).truncatedTo(ChronoUnit.MILLIS);
        exchangeRate = checkRate(exchangeRate);
        Checks.present("original_total_amount", originalTotalAmount);
        Checks.present("cny_balance", cnyBalance);
        BigDecimal integer = roundToInteger(group.originalTotalAmount());
        if (originalTotalAmount.compareTo(integer) != 0) {
            throw ValidationException.invalid("original_total_amount", originalTotalAmount.toPlainString(),
                    "must be the source amount " + group.originalTotalAmount().toPlainString() + " rounded HALF_UP to an integer");
        }
        BigDecimal expected = cnyBalanceOf(exchangeRate, integer);
        if (cnyBalance.compareTo(expected) != 0) {
            throw ValidationException.invalid("cny_balance", cnyBalance.toPlainString(),
                    "must be exchange_rate x original_total_amount rounded HALF_UP to fen (" + expected.toPlainString() + ")");
        }
        originalTotalAmount = integer;
        cnyBalance = expected;
    }

    /** The snapshot of {@code group} for {@code loadDate}, taken at {@code insertTime} with {@code exchangeRate}. */
    public static BalanceSnapshot of(FinancialEventGroup group, LocalDate loadDate, Instant insertTime, BigDecimal exchangeRate) {
        Checks.present("group", group);
        BigDecimal integer = roundToInteger(group.originalTotalAmount());
        BigDecimal rate = checkRate(exchangeRate);
        return new BalanceSnapshot(group, loadDate, insertTime, rate, integer, cnyBalanceOf(rate, integer));
    }

    /** The balance in CNY as fen. */
    public long cnyBalanceFen() {
        return cnyBalance.unscaledValue().longValueExact();
    }

    /** The source amount rounded {@code HALF_UP} to an integer, scale 0. */
    public static BigDecimal roundToInteger(BigDecimal amount) {
        return amount.setScale(0, RoundingMode.HALF_UP);
    }

    /** {@code rate × integerAmount} rounded {@code HALF_UP} to fen, scale 2. */
    public static BigDecimal cnyBalanceOf(BigDecimal rate, BigDecimal integerAmount) {
        return rate.multiply(integerAmount).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal checkRate(BigDecimal rate) {
        Checks.present("exchange_rate", rate);
        if (rate.signum() <= 0) {
            throw ValidationException.invalid("exchange_rate", rate.toPlainString(), "must be greater than 0");
        }
        BigDecimal stripped = rate.stripTrailingZeros();
        if (stripped.precision() > MAX_RATE_DIGITS) {
            throw ValidationException.invalid("exchange_rate", rate.toPlainString(),
                    "must have at most " + MAX_RATE_DIGITS + " significant digits");
        }
        return rate;
    }
}
