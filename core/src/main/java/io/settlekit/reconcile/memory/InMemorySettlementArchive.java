package io.settlekit.reconcile.memory;

import io.settlekit.base.InfrastructureException;
import io.settlekit.reconcile.ReportKey;
import io.settlekit.reconcile.SettlementArchive;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Archived raw files in memory, by report key and file name. Thread-safe. */
public final class InMemorySettlementArchive implements SettlementArchive {
    /** Key and file name as a pair: joined into one string, a site or file name holding '/' could meet another. */
    private record Entry(ReportKey key, String fileName) {
    }

    private final Map<Entry, byte[]> files = new ConcurrentHashMap<>();

    @Override
    public void archive(ReportKey key, String fileName, InputStream content) {
        try {
            files.put(new Entry(key, fileName), content.readAllBytes());
        } catch (IOException e) {
            throw new InfrastructureException("archiving settlement file " + fileName + " of " + key, e);
        }
    }

    /** The archived content of {@code fileName} for {@code key}, if any. */
    public Optional<byte[]> find(ReportKey key, String fileName) {
        return Optional.ofNullable(files.get(new Entry(key, fileName))).map(byte[]::clone);
    }

    /** The archived entries, as {@code key/file}, sorted; one per file archived (two may read alike). */
    public List<String> entries() {
        return files.keySet().stream().map(entry -> entry.key() + "/" + entry.fileName()).sorted().toList();
    }
}
