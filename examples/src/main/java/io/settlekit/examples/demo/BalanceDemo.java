package io.settlekit.examples.demo;

import io.settlekit.Settlekit;
import io.settlekit.access.Actor;
import io.settlekit.balance.BalanceSnapshot;
import io.settlekit.balance.FinancialEventGroup;
import io.settlekit.balance.RefreshOutcome;
import io.settlekit.balance.SnapshotDay;
import io.settlekit.balance.SnapshotSettings;
import io.settlekit.balance.SnapshotSummary;
import io.settlekit.balance.memory.InMemoryFinancialEventGroupSource;
import io.settlekit.job.JobResult;
import io.settlekit.job.RunMode;
import io.settlekit.money.FeeType;
import io.settlekit.money.memory.InMemoryFeeTypeStore;
import io.settlekit.refresh.RefreshDecision;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Demo section: a snapshot of sample store balances in three currencies, the summary, a rerun replacing
 * the day, and the refresh button for a user and an admin.
 */
final class BalanceDemo {
    private final PrintStream out;
    private final Clock start;

    BalanceDemo(PrintStream out, Clock clock) {
        this.out = out;
        this.start = clock;
    }

    void run() {
        ZoneId zone = start.getZone();
        Clock clock = start; // fixed: rates saved and runs taken in the same second are in force and replace alike
        InMemoryFinancialEventGroupSource groups = new InMemoryFinancialEventGroupSource();
        Settlekit kit = Settlekit.embedded()
                .clock(clock)
                .zone(zone)
                .feeTypes(new InMemoryFeeTypeStore(List.of(FeeType.CNY, FeeType.HKD, new FeeType("USD", "美元", "美元", "$"))))
                .financialEventGroups(groups)
                .balanceSnapshotSettings(SnapshotSettings.of("T1001"))
                .build();
        Actor finance = Actor.admin("finance-1");
        kit.rateBook().save(finance, "T1001", "USD", "CNY", new BigDecimal("7.1234"));
        kit.rateBook().save(finance, "T1001", "HKD", "CNY", new BigDecimal("0.9235"));
        groups.add(group(1, "A1SELLERUS", "USD", "12345.50"));
        groups.add(group(2, "A2SELLERHK", "HKD", "-300.49"));
        groups.add(group(3, "A3SELLERCN", "CNY", "88000.00"));
        groups.add(FinancialEventGroup.builder().uuid("uuid-0004").sellerId("A4SELLERUS").financialEventGroupId("FEG-4")
                .processingStatus("Closed").originalTotalAmount(new BigDecimal("999.00")).currencyCode("USD").build());
        LocalDate today = clock.instant().atZone(zone).toLocalDate();

        Demo.heading(out, "Store balances: the nightly snapshot (23:50, or on demand)");
        JobResult<SnapshotSummary> nightly = kit.jobRunner().run(kit.balanceSnapshotJob(), today, RunMode.ONCE_PER_DATE);
        printDay(kit.balanceSnapshots().day(today).orElseThrow());
        out.println("running it again for " + today + ": " + kit.jobRunner().run(kit.balanceSnapshotJob(), today, RunMode.ONCE_PER_DATE).status()
                + " (the ledger has " + nightly.completion().orElseThrow().detail() + ")");

        Demo.heading(out, "Store balances: a rerun replaces the day");
        groups.add(group(5, "A5SELLERUS", "USD", "100.00"));
        kit.jobRunner().run(kit.balanceSnapshotJob(), today, RunMode.FORCE);
        printDay(kit.balanceSnapshots().day(today).orElseThrow());
        out.println("summaries of " + today + ": " + kit.balanceSnapshots().summaries(today, today).size() + " (never two)");

        Demo.heading(out, "Store balances: the refresh button (at most 1 a day, admins unlimited)");
        Actor clerk = Actor.user("clerk-7");
        press(kit, clerk);
        press(kit, clerk);
        press(kit, Actor.admin("root"));
        press(kit, Actor.admin("root"));
    }

    private void press(Settlekit kit, Actor actor) {
        RefreshOutcome outcome = kit.balanceRefresh().refresh(actor);
        RefreshDecision decision = outcome.decision();
        out.printf("%-8s presses refresh: %-9s %s; resets at %s%s%n", actor.id(), outcome.status(), decision.message(),
                decision.resetsAt().toOffsetDateTime(),
                outcome.summary().map(s -> "; new total " + s.totalAmount().toPlainString() + " CNY").orElse(""));
    }

    private void printDay(SnapshotDay day) {
        SnapshotSummary summary = day.summary();
        for (BalanceSnapshot document : day.documents()) {
            FinancialEventGroup group = document.group();
            out.printf("%s %-10s %12s %s -> integer %8s x %-7s = %12s CNY%n", document.loadDate(), group.sellerId(),
                    group.originalTotalAmount().toPlainString(), group.currencyCode(), document.originalTotalAmount().toPlainString(),
                    document.exchangeRate().toPlainString(), document.cnyBalance().toPlainString());
        }
        out.printf("summary %s: %d open groups, total_amount %s CNY (run %s, insert_time %s)%n", summary.loadDate(),
                summary.documentCount(), summary.totalAmount().toPlainString(), summary.run().runId().substring(0, 8), summary.insertTime().atZone(start.getZone()).toLocalDateTime());
    }

    private static FinancialEventGroup group(int n, String seller, String currency, String amount) {
        return FinancialEventGroup.builder().uuid("uuid-000" + n).sellerId(seller).financialEventGroupId("FEG-" + n)
                .originalTotalAmount(new BigDecimal(amount)).currencyCode(currency).build();
    }
}
