package io.settlekit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.billing.LedgerOrder;
import io.settlekit.billing.MerchantAccount;
import io.settlekit.billing.MerchantLedger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The contract of {@link MerchantLedger}: accounts and orders read back exactly, the "open orders since"
 * rule (everything from the date on, only unpaid orders before it), ordering by date then id, and batch
 * reads over many merchants. An adapter's test extends this class and implements
 * {@link #ledgerWith(List, Map)}.
 *
 * <p>Not thread-safe: a JUnit test class, one instance per test method.
 */
public abstract class MerchantLedgerContract {

    /** A ledger holding exactly these accounts and, per merchant id, these orders. */
    protected abstract MerchantLedger ledgerWith(List<MerchantAccount> accounts, Map<String, List<LedgerOrder>> orders);

    private static LedgerOrder order(String id, String date, String feeType, long amount, long paid) {
        return LedgerOrder.of(id, LocalDate.parse(date), feeType, amount, paid, 10);
    }

    @Test
    void readsAccountsOfKnownMerchantsExactly() {
        MerchantAccount cn = new MerchantAccount("1001", "鲜果坊", "CNY", Optional.of("+8613800138000"));
        MerchantAccount hk = new MerchantAccount("m-hk'2", "港岛鲜蔬", "HKD", Optional.empty());
        MerchantLedger ledger = ledgerWith(List.of(cn, hk), Map.of());

        assertThat(ledger.accounts(List.of("1001", "m-hk'2", "9999")).found()).containsOnly(
                Map.entry("1001", cn), Map.entry("m-hk'2", hk));
        assertThat(ledger.accounts(List.of("M-HK'2")).found()).as("ids are matched exactly").isEmpty();
        assertThat(ledger.accounts(List.of()).found()).isEmpty();
        assertThat(ledger.accounts(List.of("1001", "9999")).unreadable()).as("valid rows are all readable").isEmpty();
    }

    @Test
    void openOrdersAreEverythingSinceTheDateAndUnpaidOrdersBeforeIt() {
        Map<String, List<LedgerOrder>> orders = new LinkedHashMap<>();
        orders.put("1001", List.of(
                order("PL09", "2017-09-20", "CNY", 100, 100),   // after since, paid: kept
                order("PL01", "2017-08-01", "CNY", 250, 100),   // before, partly paid: kept
                order("PL02", "2017-08-02", "CNY", 250, 250),   // before, paid: left out
                order("PL05", "2017-09-05", "CNY", 300, 0),     // on since: kept
                order("PL04", "2017-09-05", "CNY", 0, 0),       // zero amount on since: kept
                order("PL03", "2017-08-03", "CNY", 0, 0)));     // zero amount before: nothing unpaid, left out
        orders.put("1002", List.of(order("HK1", "2017-07-01", "HKD", 9_223_372_036_854_775_807L, 7)));
        orders.put("1003", List.of(order("PAID", "2017-07-01", "CNY", 10, 10)));
        MerchantLedger ledger = ledgerWith(List.of(), orders);

        Map<String, List<LedgerOrder>> open = ledger.openOrders(List.of("1001", "1002", "1003", "1004"), LocalDate.parse("2017-09-05")).found();

        assertThat(open).containsOnlyKeys("1001", "1002");
        assertThat(open.get("1001")).containsExactly(
                order("PL01", "2017-08-01", "CNY", 250, 100),
                order("PL04", "2017-09-05", "CNY", 0, 0),
                order("PL05", "2017-09-05", "CNY", 300, 0),
                order("PL09", "2017-09-20", "CNY", 100, 100));
        assertThat(open.get("1002")).containsExactly(order("HK1", "2017-07-01", "HKD", 9_223_372_036_854_775_807L, 7));
    }

    @Test
    void readsManyMerchantsAtOnce() {
        Map<String, List<LedgerOrder>> orders = new LinkedHashMap<>();
        List<MerchantAccount> accounts = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String id = "m" + i;
            ids.add(id);
            accounts.add(new MerchantAccount(id, "商户" + i, "CNY", Optional.of("+86139" + String.format("%08d", i))));
            orders.put(id, List.of(order("O" + i, "2017-09-10", "CNY", i, 0)));
        }
        MerchantLedger ledger = ledgerWith(accounts, orders);

        assertThat(ledger.accounts(ids).found()).hasSize(3_000);
        Map<String, List<LedgerOrder>> open = ledger.openOrders(ids, LocalDate.parse("2017-09-01")).found();
        assertThat(open).hasSize(3_000);
        assertThat(open.get("m2999")).containsExactly(order("O2999", "2017-09-10", "CNY", 2_999, 0));
    }
}
