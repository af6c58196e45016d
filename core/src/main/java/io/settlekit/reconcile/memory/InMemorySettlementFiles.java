package io.settlekit.reconcile.memory;

import io.settlekit.internal.Checks;
import io.settlekit.reconcile.ProviderAccount;
import io.settlekit.reconcile.SettlementFile;
import io.settlekit.reconcile.SettlementFiles;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Settlement files held in memory, per bucket and account folder; {@link #put} plays the provider. Thread-safe. */
public final class InMemorySettlementFiles implements SettlementFiles {
    private final Map<String, ConcurrentSkipListMap<String, byte[]>> folders = new ConcurrentHashMap<>();

    /** Drops a file into {@code account}'s folder, as the provider would. */
    public InMemorySettlementFiles put(ProviderAccount account, String name, byte[] content) {
        folders.computeIfAbsent(folderOf(account), f -> new ConcurrentSkipListMap<>())
                .put(Checks.notBlank("file", name), content.clone());
        return this;
    }

    @Override
    public List<SettlementFile> list(ProviderAccount account, String prefix) {
        List<SettlementFile> files = new ArrayList<>();
        ConcurrentSkipListMap<String, byte[]> folder = folders.get(folderOf(account));
        if (folder != null) {
            folder.tailMap(prefix, true).forEach((name, content) -> {
                if (name.startsWith(prefix)) {
                    files.add(new SettlementFile(name, content.length));
                }
            });
        }
        return files;
    }

    @Override
    public Optional<InputStream> open(ProviderAccount account, String name) {
        ConcurrentSkipListMap<String, byte[]> folder = folders.get(folderOf(account));
        byte[] content = folder == null ? null : folder.get(name);
        return content == null ? Optional.empty() : Optional.of(new ByteArrayInputStream(content));
    }

    private static String folderOf(ProviderAccount account) {
        return account.bucket() + "/" + account.folder();
    }
}
