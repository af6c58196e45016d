package io.settlekit.reconcile.memory;

import io.settlekit.base.InfrastructureException;
import io.settlekit.reconcile.ReportKey;
import io.settlekit.reconcile.SettlementArchive;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Archived raw files in memory, by report key and file name. Thread-safe. */
public final class InMemorySettlementArchive implements SettlementArchive {
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    @Override
    public void archive(ReportKey key, String fileName, InputStream content) {
        try {
            files.put(key + "/" + fileName, content.readAllBytes());
        } catch (IOException e) {
            throw new InfrastructureException("archiving settlement file " + fileName + " of " + key, e);
        }
    }

    /** The archived content of {@code fileName} for {@code key}, if any. */
    public Optional<byte[]> find(ReportKey key, String fileName) {
        return Optional.ofNullable(files.get(key + "/" + fileName)).map(byte[]::clone);
    }

    /** The archived entries, as {@code key/file}. */
    public Set<String> entries() {
        return Set.copyOf(files.keySet());
    }
}
