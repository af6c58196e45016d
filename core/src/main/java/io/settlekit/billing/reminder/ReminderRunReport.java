package io.settlekit.billing.reminder;

import io.settlekit.internal.Checks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import javax.money.MonetaryAmount;

import org.javamoney.moneta.Money;

/**
 * The outcome of one run of the reminder job: one {@link ReminderOutcome} per merchant due a reminder
 * (a reminder date of today, or a failed send still worth retrying, and money owed), with the counts
 * and the estimated cost of the messages sent.
 *
 * @param date            the date the job ran for
 * @param outcomes        one per due merchant, ordered by merchant id
 * @param pricePerMessage the configured price of one message
 * @param priceFeeType    its currency
 */
public record ReminderRunReport(LocalDate date, List<ReminderOutcome> outcomes, BigDecimal pricePerMessage,
                                String priceFeeType) {
    /** Validates and copies. */
    public ReminderRunReport {
        Checks.present("date", date);
        outcomes = List.copyOf(outcomes);
        Checks.present("price_per_message", pricePerMessage);
        Checks.notBlank("price_fee_type", priceFeeType);
    }

    /** Merchants due a message in this run. */
    public int due() {
        return outcomes.size();
    }

    /** Messages sent by this run. */
    public int sent() {
        return count(ReminderOutcome.Result.SENT);
    }

    /** Due merchants this run did not send to because another run had claimed or sent it. */
    public int skipped() {
        return count(ReminderOutcome.Result.SKIPPED);
    }

    /** Due merchants whose message could not be sent. */
    public int failed() {
        return count(ReminderOutcome.Result.FAILED);
    }

    /**
     * Due merchants whose send has an unknown outcome (no answer from the provider), in this run or still
     * after asking the notifier: not resent automatically, for an operator to look at.
     */
    public int unconfirmed() {
        return count(ReminderOutcome.Result.UNCONFIRMED);
    }

    /** Earlier sends of unknown outcome that the notifier confirmed delivered in this run (no new message). */
    public int confirmed() {
        return count(ReminderOutcome.Result.CONFIRMED);
    }

    /**
     * Claims left without an outcome past their lease (a run died between the claim and recording what
     * happened) that this run took over and settled through the notifier's check: each is also counted
     * as {@linkplain #confirmed() confirmed}, {@linkplain #sent() sent} or {@linkplain #unconfirmed() unconfirmed}.
     */
    public int staleClaims() {
        return (int) outcomes.stream().filter(ReminderOutcome::staleClaim).count();
    }

    /**
     * The estimated cost of this run: messages sent or confirmed × price, exact (a confirmed message was
     * paid for by the earlier run, which could not count it).
     */
    public BigDecimal estimatedCost() {
        return pricePerMessage.multiply(BigDecimal.valueOf((long) sent() + confirmed()));
    }

    /** The estimated cost as a JSR-354 amount. */
    public MonetaryAmount estimatedCostAmount() {
        return Money.of(estimatedCost(), priceFeeType);
    }

    private int count(ReminderOutcome.Result result) {
        return (int) outcomes.stream().filter(o -> o.result() == result).count();
    }

    @Override
    public String toString() {
        return "reminders of " + date + ": due " + due() + ", sent " + sent() + ", skipped " + skipped()
                + ", failed " + failed() + ", unconfirmed " + unconfirmed() + ", confirmed " + confirmed() + ", stale claims " + staleClaims() + ", estimated cost " + estimatedCost().toPlainString() + " " + priceFeeType;
    }
}
