package io.settlekit.billing;

import io.settlekit.billing.reminder.ReminderRunReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.Settlekit;
import io.settlekit.access.Actor;
import io.settlekit.billing.memory.InMemoryMerchantLedger;
import io.settlekit.billing.reminder.memory.InMemoryReminderLog;
import io.settlekit.billing.reminder.memory.InMemoryReminderNotifier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * A ledger that reports some merchants unreadable: those get no bill and no reminder (named), the others
 * are computed as usual.
 */
class BillsUnreadableLedgerTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.parse("2017-10-08"); // monthly 5/10, reminder 2 days before
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2017-10-08T01:00:00Z"), SHANGHAI);

    /** The in-memory ledger, with {@code bad} reported unreadable (its account) and {@code badOrders} (its orders). */
    private static MerchantLedger ledger(InMemoryMerchantLedger valid, String bad, String badOrders) {
        return new MerchantLedger() {
            @Override
            public LedgerRows<MerchantAccount> accounts(Collection<String> merchantIds) {
                Map<String, MerchantAccount> found = new LinkedHashMap<>(valid.accounts(merchantIds).found());
                found.remove(bad);
                return new LedgerRows<>(found, merchantIds.contains(bad) ? Map.of(bad, "phone (value not shown): too long") : Map.of());
            }

            @Override
            public LedgerRows<List<LedgerOrder>> openOrders(Collection<String> merchantIds, LocalDate since) {
                Map<String, List<LedgerOrder>> found = new LinkedHashMap<>(valid.openOrders(merchantIds, since).found());
                found.remove(badOrders);
                return new LedgerRows<>(found, merchantIds.contains(badOrders) ? Map.of(badOrders, "order X: amount_fen = '-1'") : Map.of());
            }
        };
    }

    private static Settlekit kit(InMemoryReminderNotifier notifier, InMemoryReminderLog log) {
        InMemoryMerchantLedger valid = new InMemoryMerchantLedger();
        for (String merchant : List.of("good", "bad", "badorders")) {
            valid.put(new MerchantAccount(merchant, "商户 " + merchant, "CNY", Optional.of("+8613800138000")));
            valid.record(merchant, LedgerOrder.of("O-" + merchant, LocalDate.parse("2017-09-06"), "CNY", 1_000, 0, 10));
        }
        Settlekit kit = Settlekit.embedded().clock(CLOCK).zone(SHANGHAI)
                .merchantLedger(ledger(valid, "bad", "badorders"))
                .reminderNotifier(notifier).reminderLog(log).build();
        for (String merchant : List.of("good", "bad", "badorders")) {
            kit.billingPlans().save(Actor.admin("ops"), merchant,
                    new Plan(new Cycle.Monthly(5, 10), LocalDate.parse("2017-01-01"), SettleRemind.daysBefore(2)));
        }
        return kit;
    }

    @Test
    void unreadableMerchantsAreLeftOutOfABatchAndNamedWhenAskedAlone() {
        Settlekit kit = kit(new InMemoryReminderNotifier(), new InMemoryReminderLog());

        assertThat(kit.bills().bills(List.of("good", "bad", "badorders"), DAY)).containsOnlyKeys("good");
        assertThatThrownBy(() -> kit.bills().bill("bad", DAY)).isInstanceOf(UnreadableLedgerException.class)
                .hasMessageContaining("bad").hasMessageContaining("phone");
        assertThatThrownBy(() -> kit.bills().unpaidList("badorders", DAY)).isInstanceOf(UnreadableLedgerException.class)
                .hasMessageContaining("badorders").hasMessageContaining("order X");
    }

    @Test
    void theReminderRunReportsUnreadableMerchantsFailedAndClaimsNothingForThem() {
        InMemoryReminderNotifier notifier = new InMemoryReminderNotifier();
        InMemoryReminderLog log = new InMemoryReminderLog();

        ReminderRunReport report = kit(notifier, log).reminderJob().run(DAY);

        assertThat(notifier.sent()).extracting(m -> m.key().merchantId()).containsExactly("good");
        assertThat(report.failed()).isEqualTo(2);
        assertThat(log.entriesBetween(DAY, DAY)).extracting(e -> e.key().merchantId()).containsExactly("good");
    }
}
