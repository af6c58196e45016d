package io.settlekit.settlement;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;
import io.settlekit.money.FeeTypeCodes;

import java.math.BigDecimal;

/**
 * Settings of the daily reminder job.
 *
 * @param template        the message text
 * @param pricePerMessage what one message costs, for the run's estimated cost (0.045 by default, the
 *                        seed's Tencent Cloud SMS price); not negative, at most 6 decimals
 * @param priceFeeType    the currency of the price (CNY by default)
 * @param maxAttempts     how many times one reminder may be tried in all (first send plus retries), 1–100
 * @param batchSize       how many merchants are read from the ledger per query, 1–10,000
 */
public record ReminderSettings(ReminderTemplate template, BigDecimal pricePerMessage, String priceFeeType,
                               int maxAttempts, int batchSize) {
    /** The seed's price of one Tencent Cloud SMS: 0.045 CNY. */
    public static final BigDecimal DEFAULT_PRICE = new BigDecimal("0.045");

    /** Validates every field. */
    public ReminderSettings {
        Checks.present("template", template);
        Checks.present("price_per_message", pricePerMessage);
        if (pricePerMessage.signum() < 0 || pricePerMessage.stripTrailingZeros().scale() > 6) {
            throw ValidationException.invalid("price_per_message", pricePerMessage.toPlainString(),
                    "must be a non-negative decimal with at most 6 decimals");
        }
        priceFeeType = FeeTypeCodes.check("price_fee_type", priceFeeType);
        Checks.inRange("max_attempts", maxAttempts, 1, 100);
        Checks.inRange("batch_size", batchSize, 1, 10_000);
    }

    /** The default template, 0.045 CNY per message, 3 attempts, batches of 5,000 merchants. */
    public static ReminderSettings defaults() {
        return new ReminderSettings(ReminderTemplate.DEFAULT, DEFAULT_PRICE, "CNY", 3, 5_000);
    }

    /** These settings with another template. */
    public ReminderSettings withTemplate(ReminderTemplate other) {
        return new ReminderSettings(other, pricePerMessage, priceFeeType, maxAttempts, batchSize);
    }

    /** These settings with another price per message. */
    public ReminderSettings withPrice(BigDecimal price, String feeType) {
        return new ReminderSettings(template, price, feeType, maxAttempts, batchSize);
    }

    /** These settings with another attempt limit. */
    public ReminderSettings withMaxAttempts(int attempts) {
        return new ReminderSettings(template, pricePerMessage, priceFeeType, attempts, batchSize);
    }

    /** These settings with another ledger batch size. */
    public ReminderSettings withBatchSize(int size) {
        return new ReminderSettings(template, pricePerMessage, priceFeeType, maxAttempts, size);
    }

    /** The cost of {@code messages} messages, exact. */
    public BigDecimal costOf(long messages) {
        return pricePerMessage.multiply(BigDecimal.valueOf(Checks.notNegative("messages", messages)));
    }

    /**
     * A monthly budget: {@code merchants × messagesPerMonth × price} (the seed: 12,000 × 4 × 0.045 = 2,160 CNY).
     */
    public BigDecimal monthlyBudget(long merchants, int messagesPerMonth) {
        return costOf(Math.multiplyExact(Checks.notNegative("merchants", merchants),
                (long) Checks.inRange("messages_per_month", messagesPerMonth, 0, 1_000)));
    }
}
