package io.settlekit.balance;


import io.settlekit.base.Port;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where the open financial event groups come from ({@code mws_financial_event_groups} in the seed): the
 * rows with {@code processing_status = 'Open'} that are not soft-deleted.
 */
@Port
public interface FinancialEventGroupSource {

    /** The distinct currency codes of the open, live groups (read before the rows, to check rates first). */
    Set<String> openCurrencies();

    /**
     * Hands every open, live group to {@code action}, each exactly once, in a stable order. Memory stays
     * flat however many rows there are: adapters stream or page (the MySQL adapter uses keyset pagination)
     * and never hold all rows. An exception thrown by {@code action} stops the scan and reaches the caller.
     */
    void forEachOpen(Consumer<FinancialEventGroup> action);
}
