package io.settlekit.billing;


import io.settlekit.base.Port;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * The host's merchant accounts and their orders and payments, read for bills, unpaid lists and
 * reminders. Both methods take a set of merchants so that computing bills for thousands of merchants is
 * a handful of queries, not one per merchant. A row that cannot be read (a value out of range, an
 * unknown fee type) makes its merchant {@linkplain LedgerRows#unreadable() unreadable} and leaves the
 * other merchants of the batch unharmed; its reason never quotes the value of a sensitive column.
 */
@Port
public interface MerchantLedger {

    /**
     * The accounts of those of {@code merchantIds} the ledger knows; merchants whose account row cannot
     * be read are in {@link LedgerRows#unreadable()}.
     *
     * @throws io.settlekit.base.InfrastructureException when the store cannot be read at all
     */
    LedgerRows<MerchantAccount> accounts(Collection<String> merchantIds);

    /**
     * For each of {@code merchantIds} that has any: every order dated on or after {@code since}, and every
     * order dated before it that is not fully paid; ordered by date, then id. A merchant any of whose
     * orders cannot be read is in {@link LedgerRows#unreadable()} (with none of its orders: a bill from
     * part of the orders would be wrong money).
     *
     * @throws io.settlekit.base.InfrastructureException when the store cannot be read at all
     */
    LedgerRows<List<LedgerOrder>> openOrders(Collection<String> merchantIds, LocalDate since);
}
