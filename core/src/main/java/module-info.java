/**
 * Settlekit's core: the domain rules, use cases, ports and in-memory adapters. Exports the API packages;
 * {@code io.settlekit.internal} (argument checks, masking) is exported to Settlekit's own modules only.
 */
module io.settlekit.core {
    requires transitive java.money;
    requires transitive org.javamoney.moneta;
    requires org.javamoney.moneta.convert;
    requires org.slf4j;

    exports io.settlekit;
    exports io.settlekit.base;
    exports io.settlekit.access;
    exports io.settlekit.money;
    exports io.settlekit.money.memory;
    exports io.settlekit.currency;
    exports io.settlekit.billing;
    exports io.settlekit.billing.memory;
    exports io.settlekit.billing.reminder;
    exports io.settlekit.billing.reminder.memory;
    exports io.settlekit.balance;
    exports io.settlekit.balance.memory;
    exports io.settlekit.refresh;
    exports io.settlekit.refresh.memory;
    exports io.settlekit.reconcile;
    exports io.settlekit.reconcile.memory;
    exports io.settlekit.job;
    exports io.settlekit.job.memory;
    exports io.settlekit.internal to io.settlekit.testkit, io.settlekit.mysql, io.settlekit.mongo, io.settlekit.redis,
            io.settlekit.s3, io.settlekit.sms, io.settlekit.formats, io.settlekit.files;
}
