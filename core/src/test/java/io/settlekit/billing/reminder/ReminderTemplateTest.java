package io.settlekit.billing.reminder;

import io.settlekit.billing.MerchantAccount;
import io.settlekit.billing.Cycle;
import io.settlekit.billing.Period;
import io.settlekit.billing.Plan;
import io.settlekit.billing.SettleRemind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.internal.Redact;
import io.settlekit.base.SettlekitException;
import io.settlekit.money.Amount;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Reminder messages are rendered from a validated template and never show a phone number. */
class ReminderTemplateTest {
    private static final MerchantAccount MERCHANT = new MerchantAccount("1001", "鲜果坊", "CNY", Optional.of("+8613800138000"));
    private static final Period PERIOD = new Period(LocalDate.parse("2017-09-05"), LocalDate.parse("2017-10-04"),
            LocalDate.parse("2017-10-10"), new Plan(new Cycle.Monthly(5, 10), LocalDate.parse("2017-01-01"), SettleRemind.daysBefore(2)));
    private static final ReminderKey KEY = new ReminderKey("1001", PERIOD.begin(), LocalDate.parse("2017-10-08"));

    @Test
    void rendersEveryPlaceholder() {
        ReminderTemplate template = new ReminderTemplate(
                "{merchant}({merchant_id}) owes {amount_due} {fee_type} for {period_begin}..{period_end}, due {deadline}, sent {reminder_date}; {merchant}");

        ReminderMessage message = ReminderMessage.render(template, KEY, MERCHANT, PERIOD, Amount.ofMinor("CNY", 27_550));

        assertThat(message.text()).isEqualTo(
                "鲜果坊(1001) owes 275.50 CNY for 2017-09-05..2017-10-04, due 2017-10-10, sent 2017-10-08; 鲜果坊");
        assertThat(message.params()).containsExactly(
                java.util.Map.entry("merchant", "鲜果坊"), java.util.Map.entry("merchant_id", "1001"),
                java.util.Map.entry("amount_due", "275.50"), java.util.Map.entry("fee_type", "CNY"),
                java.util.Map.entry("deadline", "2017-10-10"), java.util.Map.entry("period_begin", "2017-09-05"),
                java.util.Map.entry("period_end", "2017-10-04"), java.util.Map.entry("reminder_date", "2017-10-08"));
        assertThat(message.toString()).doesNotContain("13800138000").contains("+86138****8000");
    }

    @Test
    void unknownPlaceholdersAreRejected() {
        assertThatThrownBy(() -> new ReminderTemplate("pay {amount} now"))
                .isInstanceOfSatisfying(SettlekitException.class, e -> {
                    assertThat(e.field()).contains("template");
                    assertThat(e.getMessage()).contains("{amount}");
                });
        assertThatThrownBy(() -> new ReminderTemplate(" "))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.code()).isEqualTo("missing_field"));
    }

    @Test
    void settingsRejectNonsense() {
        assertThatThrownBy(() -> ReminderSettings.defaults().withPrice(new BigDecimal("-0.01"), "CNY"))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.field()).contains("price_per_message"));
        assertThatThrownBy(() -> ReminderSettings.defaults().withMaxAttempts(0))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.field()).contains("max_attempts"));
        assertThatThrownBy(() -> ReminderSettings.defaults().withBatchSize(0))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.field()).contains("batch_size"));
        assertThatThrownBy(() -> ReminderSettings.defaults().withClaimLease(java.time.Duration.ofMillis(999)))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.field()).contains("claim_lease"));
        assertThatThrownBy(() -> ReminderSettings.defaults().withClaimLease(java.time.Duration.ofDays(1).plusSeconds(1)))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.field()).contains("claim_lease"));
        assertThat(ReminderSettings.defaults().claimLease()).isEqualTo(java.time.Duration.ofMinutes(15));
    }

    @Test
    void phoneNumbersAreMaskedEverywhere() {
        assertThat(Redact.phone("+8613800138000")).isEqualTo("+86138****8000");
        assertThat(Redact.phone("13800138000")).isEqualTo("138****8000");
        assertThat(Redact.phone("12345")).isEqualTo("*****");
        assertThat(Redact.digits("number +8613800138000 is invalid, code 1014")).isEqualTo("number +86138****8000 is invalid, code 1014");
        assertThat(MERCHANT.toString()).doesNotContain("13800138000");
    }
}
