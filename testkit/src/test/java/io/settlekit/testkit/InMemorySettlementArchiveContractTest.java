package io.settlekit.testkit;

import io.settlekit.reconcile.ReportKey;
import io.settlekit.reconcile.SettlementArchive;
import io.settlekit.reconcile.memory.InMemorySettlementArchive;
import io.settlekit.testkit.contract.SettlementArchiveContract;

import java.util.Optional;

/** The in-memory settlement archive passes the contract. */
class InMemorySettlementArchiveContractTest extends SettlementArchiveContract {
    private final InMemorySettlementArchive archive = new InMemorySettlementArchive();

    @Override
    protected SettlementArchive archive() {
        return archive;
    }

    @Override
    protected Optional<byte[]> stored(ReportKey key, String fileName) {
        return archive.find(key, fileName);
    }

    @Override
    protected long storedFiles() {
        return archive.entries().size();
    }
}
