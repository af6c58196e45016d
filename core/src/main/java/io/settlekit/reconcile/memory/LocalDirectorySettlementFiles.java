package io.settlekit.reconcile.memory;

import io.settlekit.base.InfrastructureException;
import io.settlekit.base.ValidationException;
import io.settlekit.reconcile.ProviderAccount;
import io.settlekit.reconcile.SettlementFile;
import io.settlekit.reconcile.SettlementFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Settlement files in a local directory laid out like the providers' buckets ({@code root/<bucket>/<account
 * id>/<file>}, what {@code aws s3 sync} produces): the embedded default, for development, the demo and
 * hosts that mirror the buckets themselves. Read only.
 *
 * <p>Thread-safe: only a final root path; every call opens its own files.
 */
public final class LocalDirectorySettlementFiles implements SettlementFiles {
    private final Path root;

    /** Files under {@code root}. */
    public LocalDirectorySettlementFiles(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    @Override
    public List<SettlementFile> list(ProviderAccount account, String prefix) {
        Path folder = folderOf(account);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<SettlementFile> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : (Iterable<Path>) entries.sorted(Comparator.comparing(p -> p.getFileName().toString()))::iterator) {
                String name = entry.getFileName().toString();
                if (name.startsWith(prefix) && Files.isRegularFile(entry)) {
                    files.add(new SettlementFile(name, Files.size(entry)));
                }
            }
        } catch (IOException e) {
            throw new InfrastructureException("listing settlement files of account " + account.accountId() + " in " + folder, e);
        }
        return files;
    }

    @Override
    public Optional<InputStream> open(ProviderAccount account, String name) {
        Path file = folderOf(account).resolve(name).normalize();
        if (name.contains("/") || name.contains("\\") || !file.getParent().equals(folderOf(account))) {
            throw ValidationException.invalid("file", name, "must be a file name inside the account's folder");
        }
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.newInputStream(file)) : Optional.empty();
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new InfrastructureException("opening settlement file " + name + " of account " + account.accountId(), e);
        }
    }

    private Path folderOf(ProviderAccount account) {
        return root.resolve(account.bucket()).resolve(account.accountId());
    }
}
