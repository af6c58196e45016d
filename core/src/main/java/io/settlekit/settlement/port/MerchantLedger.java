package io.settlekit.settlement.port;

import io.settlekit.settlement.LedgerOrder;
import io.settlekit.settlement.MerchantAccount;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The host's merchant accounts and their orders and payments, read for bills, unpaid lists and
 * reminders. Both methods take a set of merchants so that computing bills for thousands of merchants is
 * a handful of queries, not one per merchant.
 */
public interface MerchantLedger {

    /** The accounts of those of {@code merchantIds} the ledger knows. */
    Map<String, MerchantAccount> accounts(Collection<String> merchantIds);

    /**
     * For each of {@code merchantIds} that has any: every order dated on or after {@code since}, and every
     * order dated before it that is not fully paid; ordered by date, then id.
     */
    Map<String, List<LedgerOrder>> openOrders(Collection<String> merchantIds, LocalDate since);
}
