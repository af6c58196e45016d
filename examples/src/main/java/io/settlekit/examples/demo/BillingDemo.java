package io.settlekit.examples.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.settlekit.Settlekit;
import io.settlekit.access.Actor;
import io.settlekit.access.Permission;
import io.settlekit.formats.json.SettlekitJson;
import io.settlekit.billing.Bill;
import io.settlekit.billing.Cycle;
import io.settlekit.billing.LedgerOrder;
import io.settlekit.billing.MerchantAccount;
import io.settlekit.billing.Period;
import io.settlekit.billing.Plan;
import io.settlekit.billing.reminder.ReminderMessage;
import io.settlekit.billing.reminder.ReminderOutcome;
import io.settlekit.billing.reminder.ReminderRunReport;
import io.settlekit.billing.reminder.ReminderSettings;
import io.settlekit.billing.SettleRemind;
import io.settlekit.billing.BillingCalendar;
import io.settlekit.billing.StoredPlan;
import io.settlekit.billing.memory.InMemoryMerchantLedger;
import io.settlekit.billing.reminder.memory.InMemoryReminderNotifier;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Demo section: merchants on different plans (one changing plan mid-month, one on the legacy weekly
 * default), their calendars and bills, the reminders a run sends through an in-memory notifier, a failed
 * send retried by a rerun, and a last rerun that sends nothing twice.
 */
final class BillingDemo {
    private final PrintStream out;
    private final Clock clock;
    private final ObjectMapper json = SettlekitJson.newMapper();

    BillingDemo(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    void run() {
        InMemoryMerchantLedger ledger = new InMemoryMerchantLedger();
        InMemoryReminderNotifier sms = new InMemoryReminderNotifier();
        Settlekit kit = Settlekit.embedded().clock(clock).merchantLedger(ledger).reminderNotifier(sms).build();
        LocalDate today = LocalDate.ofInstant(clock.instant(), kit.zone());
        Actor manager = Actor.user("ops-3", Permission.ADD_SETTLE_REMIND);
        Actor clerk = Actor.user("clerk-7");

        Demo.heading(out, "Settlement: plans");
        save(kit, manager, "1001", new Cycle.Monthly(1, 25), "2026-01-01", SettleRemind.daysBefore(4));
        save(kit, manager, "1002", new Cycle.Weekly(1, 3), "2026-10-01", SettleRemind.OFF);
        save(kit, manager, "1002", new Cycle.Custom(10, 3), "2026-11-12", SettleRemind.daysBefore(3));
        save(kit, manager, "1003", new Cycle.Daily(), "2026-06-01", SettleRemind.OFF);
        save(kit, manager, "1005", new Cycle.Monthly(1, 25), "2026-01-01", SettleRemind.daysBefore(4));
        StoredPlan denied = save(kit, clerk, "1006", new Cycle.Monthly(5, 10), "2026-11-01", SettleRemind.daysBefore(2));
        out.printf("clerk-7 lacks add_settle_remind: merchant 1006's reminder was stored as %s%n",
                denied.plan().remind().isOn() ? "on" : "off");
        Plan legacy = kit.billingPlans().currentPlan("1004").orElseThrow();
        out.printf("merchant 1004 has no plan row: the legacy default, %s, effective %s (today)%n",
                describe(legacy.cycle()), legacy.effectiveDate());

        ledger.put(new MerchantAccount("1001", "鲜果坊", "CNY", Optional.of("+8613800138000")))
                .put(new MerchantAccount("1002", "港岛鲜蔬", "HKD", Optional.of("+85291234567")))
                .put(new MerchantAccount("1003", "晨光超市", "CNY", Optional.of("+8613900139000")))
                .put(new MerchantAccount("1004", "老字号粮油", "CNY", Optional.empty()))
                .put(new MerchantAccount("1005", "准时付便利店", "CNY", Optional.of("+8613700137000")));
        order(ledger, "1001", "PL0901", "2026-09-28", 120_00, 100_00);
        order(ledger, "1001", "PL1003", "2026-10-03", 275_00, 0);
        order(ledger, "1001", "PL1020", "2026-10-20", 480_50, 200_00);
        order(ledger, "1001", "PL1105", "2026-11-05", 99_90, 0);
        ledger.record("1002", LedgerOrder.of("HK1110", LocalDate.parse("2026-11-10"), "HKD", 1_500_00, 1_500_00, 10));
        ledger.record("1002", LedgerOrder.of("HK1115", LocalDate.parse("2026-11-15"), "HKD", 860_00, 0, 10));
        order(ledger, "1003", "PL1120", "2026-11-20", 35_00, 0);
        order(ledger, "1004", "PL1118", "2026-11-18", 64_00, 0);
        order(ledger, "1005", "PL1012", "2026-10-12", 300_00, 300_00);

        Demo.heading(out, "Settlement: calendars for November 2026");
        for (String merchant : List.of("1001", "1002", "1003", "1004")) {
            BillingCalendar calendar = kit.billingPlans().calendar(merchant).orElseThrow();
            out.printf("merchant %s:%n", merchant);
            List<Period> periods = calendar.periodsOverlapping(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"));
            if (periods.size() > 6) {
                out.printf("  … %d earlier periods%n", periods.size() - 4);
                periods = periods.subList(periods.size() - 4, periods.size());
            }
            for (Period period : periods) {
                out.printf("  %s .. %s  settle %s%s  (%s)%n", period.begin(), period.end(), period.settle(),
                        period.reminderDate().map(r -> ", remind " + r).orElse(""), describe(period.plan().cycle()));
            }
        }

        Demo.heading(out, "Settlement: bills at " + today + " (amounts in fen)");
        for (Map.Entry<String, Bill> entry : kit.bills().bills(List.of("1001", "1002", "1003", "1004", "1005"), today).entrySet()) {
            Bill bill = entry.getValue();
            out.printf("merchant %s pending %s..%s settle %s: total %d, paid %d, to pay %d, history unpaid %d %s%n",
                    entry.getKey(), bill.period().begin(), bill.period().end(), bill.period().settle(),
                    bill.total().fen(), bill.paid().fen(), bill.pay().fen(), bill.historyUnpaid().fen(), bill.feeType());
        }
        out.println("bill_info of 1001:   " + toJson(kit.bills().bill("1001", today).orElseThrow()));
        out.println("unpaid_list of 1001: " + toJson(kit.bills().unpaidList("1001", today).orElseThrow()));
        out.printf("deadline (settle_time) of an order of 1002 placed on 2026-11-11: %s%n",
                kit.bills().deadline("1002", LocalDate.parse("2026-11-11")).orElseThrow());

        Demo.heading(out, "Settlement: the daily reminder job on " + today);
        sms.failFor("1002");
        report("first run (the SMS gateway refuses 1002)", kit.reminderJob().run(today));
        for (ReminderMessage message : sms.sent()) {
            out.printf("  SMS to %s: %s%n", message.merchant().id(), message.text());
        }
        sms.recover();
        report("rerun (1002's failed send is retried, 1001 is not sent twice)", kit.reminderJob().run(today));
        report("another rerun", kit.reminderJob().run(today));
        out.printf("messages sent in all: %d; the seed's budget, 12,000 merchants x 4 a month at %s CNY: %s CNY a month%n",
                sms.sent().size(), ReminderSettings.DEFAULT_PRICE, ReminderSettings.defaults().monthlyBudget(12_000, 4).toPlainString());
    }

    private StoredPlan save(Settlekit kit, Actor actor, String merchant, Cycle cycle, String effective, SettleRemind remind) {
        StoredPlan row = kit.billingPlans().save(actor, merchant, new Plan(cycle, LocalDate.parse(effective), remind));
        out.printf("merchant %s: %s from %s, reminder %s  wire %s%n", merchant, describe(cycle), effective,
                row.plan().remind().isOn() ? row.plan().remind().days() + " days before" : "off", toJson(row.plan()));
        return row;
    }

    private static void order(InMemoryMerchantLedger ledger, String merchant, String id, String date, long fen, long paid) {
        ledger.record(merchant, LedgerOrder.of(id, LocalDate.parse(date), "CNY", fen, paid, 10));
    }

    private void report(String what, ReminderRunReport report) {
        out.printf("%s: due %d, sent %d, skipped %d, failed %d, estimated cost %s %s%n", what, report.due(), report.sent(),
                report.skipped(), report.failed(), report.estimatedCost().toPlainString(), report.priceFeeType());
        for (ReminderOutcome outcome : report.outcomes()) {
            out.printf("  %s %s (period from %s, owes %s): %s%n", outcome.result(), outcome.key().merchantId(),
                    outcome.key().periodBegin(), outcome.amountDue().map(Object::toString).orElse("?"), outcome.detail());
        }
    }

    private static String describe(Cycle cycle) {
        if (cycle instanceof Cycle.Weekly weekly) {
            return "weekly, begin day " + weekly.beginDay() + ", settle day " + weekly.settleDay();
        }
        if (cycle instanceof Cycle.Monthly monthly) {
            return "monthly, begin day " + monthly.beginDay() + ", settle day " + monthly.settleDay();
        }
        if (cycle instanceof Cycle.Custom custom) {
            return "custom, " + custom.cycleLength() + " days, settled " + custom.delayDays() + " days after";
        }
        return "daily";
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
