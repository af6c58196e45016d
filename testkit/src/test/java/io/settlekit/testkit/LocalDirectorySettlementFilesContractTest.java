package io.settlekit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.ValidationException;
import io.settlekit.reconcile.ProviderAccount;
import io.settlekit.reconcile.memory.LocalDirectorySettlementFiles;
import io.settlekit.reconcile.SettlementFiles;
import io.settlekit.testkit.contract.SettlementFilesContract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local-directory settlement files (root/bucket/account/file) pass the contract, and stay inside their folder. */
class LocalDirectorySettlementFilesContractTest extends SettlementFilesContract {
    @TempDir
    Path root;

    @Override
    protected SettlementFiles filesWith(Map<ProviderAccount, Map<String, byte[]>> files) {
        files.forEach((account, named) -> named.forEach((name, content) -> {
            try {
                Path folder = Files.createDirectories(root.resolve(account.bucket()).resolve(account.accountId()));
                Files.write(folder.resolve(name), content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        return new LocalDirectorySettlementFiles(root);
    }

    @Test
    void aNameCannotLeaveTheAccountsFolder() throws IOException {
        SettlementFiles files = filesWith(Map.of(OTHER, Map.of("secret.csv", new byte[] {1})));
        Files.createDirectories(root.resolve(ACCOUNT.bucket()).resolve(ACCOUNT.accountId()));

        assertThatThrownBy(() -> files.open(ACCOUNT, "../" + OTHER.accountId() + "/secret.csv"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("file"));
    }
}
