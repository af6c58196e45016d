package io.settlekit.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.CurrencyMismatchException;
import io.settlekit.base.SettlekitException;
import io.settlekit.money.Amount;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Bills and unpaid lists (rules R6.3–R6.4 of docs/rules.md) from a merchant's orders. */
class BillTest {
    private static final BillingCalendar MONTHLY_5_10 = BillingCalendar.of(List.of(
            new Plan(new Cycle.Monthly(5, 10), LocalDate.parse("2017-01-01"), SettleRemind.daysBefore(2))));

    private static LedgerOrder order(String id, String date, long amount, long paid) {
        return LedgerOrder.of(id, LocalDate.parse(date), "CNY", amount, paid, 10);
    }

    /** The seed's bill_info numbers: total 400, paid 200, pay 200, history 100. */
    private static final List<LedgerOrder> ORDERS = List.of(
            order("PL0001", "2017-08-20", 100, 0),      // before the pending period, unpaid
            order("PL0002", "2017-08-21", 500, 500),    // before, paid: not history
            order("PL0003", "2017-09-05", 250, 200),    // pending period's first day, partly paid
            order("PL0004", "2017-10-04", 150, 0),      // pending period's last day
            order("PL0005", "2017-10-05", 999, 0));     // next period: not in this bill

    @Test
    void theBillOfThePendingPeriodMatchesTheSeedsExample() {
        Bill bill = Bill.of(MONTHLY_5_10, "CNY", ORDERS, LocalDate.parse("2017-10-08"));

        assertThat(bill.period().begin()).isEqualTo("2017-09-05");
        assertThat(bill.period().end()).isEqualTo("2017-10-04");
        assertThat(bill.period().settle()).isEqualTo("2017-10-10");
        assertThat(bill.total()).isEqualTo(Amount.ofMinor("CNY", 400));
        assertThat(bill.paid()).isEqualTo(Amount.ofMinor("CNY", 200));
        assertThat(bill.pay()).isEqualTo(Amount.ofMinor("CNY", 200));
        assertThat(bill.historyUnpaid()).isEqualTo(Amount.ofMinor("CNY", 100));
        assertThat(bill.due()).isEqualTo(Amount.ofMinor("CNY", 300));
        assertThat(bill.plan().cycle()).isEqualTo(new Cycle.Monthly(5, 10));
    }

    @Test
    void afterTheSettleDateTheNextPeriodIsBilledAndUnpaidOrdersBecomeHistory() {
        Bill bill = Bill.of(MONTHLY_5_10, "CNY", ORDERS, LocalDate.parse("2017-10-11"));

        assertThat(bill.period().begin()).isEqualTo("2017-10-05");
        assertThat(bill.total().fen()).isEqualTo(999);
        assertThat(bill.historyUnpaid().fen()).isEqualTo(100 + 50 + 150);
    }

    @Test
    void anUnpaidListSplitsUnpaidOrdersIntoCurrentAndHistory() {
        UnpaidList list = UnpaidList.of(MONTHLY_5_10, "CNY", Optional.of("鲜果坊"), ORDERS, LocalDate.parse("2017-10-08"));

        assertThat(list.currentOrders()).extracting(LedgerOrder::id).containsExactly("PL0003", "PL0004");
        assertThat(list.historyOrders()).extracting(LedgerOrder::id).containsExactly("PL0001");
        assertThat(list.deadline()).isEqualTo("2017-10-10");
        assertThat(list.merchantName()).contains("鲜果坊");
    }

    @Test
    void ordersInAnotherCurrencyAreRejectedNamingTheOrder() {
        List<LedgerOrder> mixed = List.of(order("PL1", "2017-09-06", 100, 0),
                LedgerOrder.of("PL2", LocalDate.parse("2017-09-07"), "HKD", 100, 0, 10));

        assertThatThrownBy(() -> Bill.of(MONTHLY_5_10, "CNY", mixed, LocalDate.parse("2017-10-08")))
                .isInstanceOfSatisfying(CurrencyMismatchException.class, e -> {
                    assertThat(e.subject()).isEqualTo("order PL2");
                    assertThat(e.actual()).isEqualTo("HKD");
                });
        assertThatThrownBy(() -> UnpaidList.of(MONTHLY_5_10, "CNY", Optional.empty(), mixed, LocalDate.parse("2017-10-08")))
                .isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void aHongKongMerchantIsBilledInHongKongDollars() {
        Bill bill = Bill.of(MONTHLY_5_10, "HKD",
                List.of(LedgerOrder.of("HK1", LocalDate.parse("2017-09-10"), "HKD", 12_345, 45, 10)), LocalDate.parse("2017-09-20"));

        assertThat(bill.total()).isEqualTo(Amount.ofMinor("HKD", 12_345));
        assertThat(bill.pay()).isEqualTo(Amount.ofMinor("HKD", 12_300));
        assertThat(bill.feeType()).isEqualTo("HKD");
    }

    @Test
    void badOrdersNameTheirField() {
        assertThatThrownBy(() -> order("X", "2017-09-01", -1, 0))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.field()).contains("amount"));
        assertThatThrownBy(() -> order("X", "2017-09-01", 100, 101))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.field()).contains("paid"));
        assertThatThrownBy(() -> order("X", "2017-09-01", 100, -1))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.field()).contains("paid"));
        assertThatThrownBy(() -> order(" ", "2017-09-01", 100, 0))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.field()).contains("order_id"));
    }

    @Test
    void amountsThatOverflowAreRejected() {
        List<LedgerOrder> huge = List.of(order("A", "2017-09-06", Long.MAX_VALUE, 0), order("B", "2017-09-07", 1, 0));

        assertThatThrownBy(() -> Bill.of(MONTHLY_5_10, "CNY", huge, LocalDate.parse("2017-10-08")))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.code()).isEqualTo("arithmetic_overflow"));
    }
}
