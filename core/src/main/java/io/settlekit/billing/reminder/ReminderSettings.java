package io.settlekit.billing.reminder;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;
import io.settlekit.money.FeeTypeCodes;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Settings of the daily reminder job.
 *
 * @param template        the message text
 * @param pricePerMessage what one message costs, for the run's estimated cost (0.045 by default, the
 *                        seed's Tencent Cloud SMS price); not negative, at most 6 decimals
 * @param priceFeeType    the currency of the price (CNY by default)
 * @param maxAttempts     how many times one reminder may be tried in all (first send plus retries), 1–100
 * @param batchSize       how many merchants are read from the ledger per query, 1–10,000
 * @param claimLease      how long a claim may stay without a recorded outcome before a later run takes it
 *                        over as a send of unknown outcome (its claimer died or hangs); 1 second to 1 day.
 *                        It must exceed the notifier's call timeout by a wide margin (a claimer still
 *                        waiting for the provider when its lease runs out may be checked "not delivered"
 *                        and resent), and the nodes' clocks must agree to well within it
 */
public record ReminderSettings(ReminderTemplate template, BigDecimal pricePerMessage, String priceFeeType,
                               int maxAttempts, int batchSize, Duration claimLease) {
    /** The seed's price of one Tencent Cloud SMS: 0.045 CNY. */
    public static final BigDecimal DEFAULT_PRICE = new BigDecimal("0.045");
    /** The default claim lease: 15 minutes, far above a provider call with a timeout of a minute. */
    public static final Duration DEFAULT_CLAIM_LEASE = Duration.ofMinutes(15);
    private static final Duration LONGEST_CLAIM_LEASE = Duration.ofDays(1);

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
        Checks.present("claim_lease", claimLease);
        if (claimLease.compareTo(Duration.ofSeconds(1)) < 0 || claimLease.compareTo(LONGEST_CLAIM_LEASE) > 0) {
            throw ValidationException.invalid("claim_lease", claimLease.toString(), "must be between 1 second and 1 day");
        }
    }

    /** Settings with the {@linkplain #DEFAULT_CLAIM_LEASE default claim lease}. */
    public ReminderSettings(ReminderTemplate template, BigDecimal pricePerMessage, String priceFeeType, int maxAttempts, int batchSize) {
        this(template, pricePerMessage, priceFeeType, maxAttempts, batchSize, DEFAULT_CLAIM_LEASE);
    }

    /** The default template, 0.045 CNY per message, 3 attempts, batches of 5,000 merchants, a 15-minute claim lease. */
    public static ReminderSettings defaults() {
        return new ReminderSettings(ReminderTemplate.DEFAULT, DEFAULT_PRICE, "CNY", 3, 5_000, DEFAULT_CLAIM_LEASE);
    }

    /** These settings with another template. */
    public ReminderSettings withTemplate(ReminderTemplate other) {
        return new ReminderSettings(other, pricePerMessage, priceFeeType, maxAttempts, batchSize, claimLease);
    }

    /** These settings with another price per message. */
    public ReminderSettings withPrice(BigDecimal price, String feeType) {
        return new ReminderSettings(template, price, feeType, maxAttempts, batchSize, claimLease);
    }

    /** These settings with another attempt limit. */
    public ReminderSettings withMaxAttempts(int attempts) {
        return new ReminderSettings(template, pricePerMessage, priceFeeType, attempts, batchSize, claimLease);
    }

    /** These settings with another ledger batch size. */
    public ReminderSettings withBatchSize(int size) {
        return new ReminderSettings(template, pricePerMessage, priceFeeType, maxAttempts, size, claimLease);
    }

    /** These settings with another claim lease. */
    public ReminderSettings withClaimLease(Duration lease) {
        return new ReminderSettings(template, pricePerMessage, priceFeeType, maxAttempts, batchSize, lease);
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
