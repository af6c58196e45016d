package io.settlekit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.SettlekitException;
import io.settlekit.money.Amount;
import io.settlekit.billing.Cycle;
import io.settlekit.billing.MerchantAccount;
import io.settlekit.billing.Period;
import io.settlekit.billing.Plan;
import io.settlekit.billing.reminder.ReminderKey;
import io.settlekit.billing.reminder.ReminderMessage;
import io.settlekit.billing.reminder.ReminderTemplate;
import io.settlekit.billing.SettleRemind;
import io.settlekit.billing.reminder.ReminderNotifier;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ReminderNotifier}: one call delivers one message and returns the channel's
 * non-blank reference; a channel failure is a {@link SettlekitException} and delivers nothing. An
 * adapter's test extends this class, gives a notifier over a channel it observes, and can make that
 * channel fail.
 *
 * <p>Not thread-safe: a JUnit test class, one instance per test method.
 */
public abstract class ReminderNotifierContract {

    /** A notifier over a fresh channel whose deliveries {@link #deliveries()} counts. */
    protected abstract ReminderNotifier newNotifier();

    /** How many messages the channel of the last {@link #newNotifier()} accepted. */
    protected abstract int deliveries();

    /** Makes the channel of the last {@link #newNotifier()} refuse every message from now on. */
    protected abstract void failChannel();

    /** A reminder for merchant {@code merchantId} (with a mobile number) owing {@code fen} CNY. */
    protected static ReminderMessage message(String merchantId, long fen) {
        Plan plan = new Plan(new Cycle.Monthly(5, 10), LocalDate.parse("2017-01-01"), SettleRemind.daysBefore(2));
        Period period = new Period(LocalDate.parse("2017-09-05"), LocalDate.parse("2017-10-04"), LocalDate.parse("2017-10-10"), plan);
        MerchantAccount merchant = new MerchantAccount(merchantId, "鲜果坊", "CNY", Optional.of("+8613800138000"));
        return ReminderMessage.render(ReminderTemplate.DEFAULT, new ReminderKey(merchantId, period.begin(), LocalDate.parse("2017-10-08")),
                merchant, period, Amount.ofMinor("CNY", fen));
    }

    @Test
    void oneSendDeliversOneMessageAndReturnsAReference() {
        ReminderNotifier notifier = newNotifier();

        String first = notifier.send(message("1001", 27_550));
        String second = notifier.send(message("1002", 100));

        assertThat(first).isNotBlank();
        assertThat(second).isNotBlank().isNotEqualTo(first);
        assertThat(deliveries()).isEqualTo(2);
    }

    @Test
    void aRefusingChannelIsATypedErrorAndDeliversNothing() {
        ReminderNotifier notifier = newNotifier();
        failChannel();

        assertThatThrownBy(() -> notifier.send(message("1001", 27_550)))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.getMessage()).doesNotContain("13800138000"));
        assertThat(deliveries()).isZero();
    }
}
