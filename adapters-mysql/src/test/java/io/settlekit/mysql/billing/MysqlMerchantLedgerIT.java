package io.settlekit.mysql.billing;

import io.settlekit.mysql.MysqlDatabaseExtension;
import io.settlekit.billing.LedgerOrder;
import io.settlekit.billing.MerchantAccount;
import io.settlekit.billing.MerchantLedger;
import io.settlekit.testkit.contract.MerchantLedgerContract;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The MySQL ledger passes the merchant ledger contract over the documented tables. */
class MysqlMerchantLedgerIT extends MerchantLedgerContract {
    @RegisterExtension
    static final MysqlDatabaseExtension DB = new MysqlDatabaseExtension("ledger", "/ddl/settlement-ledger.sql");

    @Override
    protected MerchantLedger ledgerWith(List<MerchantAccount> accounts, Map<String, List<LedgerOrder>> orders) {
        DB.run("DELETE FROM settlekit_merchant");
        DB.run("DELETE FROM settlekit_ledger_order");
        BillingRows.insertLedger(DB, accounts, orders);
        return new MysqlMerchantLedger(DB.dataSource());
    }
}
