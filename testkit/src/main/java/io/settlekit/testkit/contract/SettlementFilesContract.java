package io.settlekit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.reconcile.Channel;
import io.settlekit.reconcile.CredentialsRef;
import io.settlekit.reconcile.ProviderAccount;
import io.settlekit.reconcile.SettlementFile;
import io.settlekit.reconcile.SettlementFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * The contract of {@link SettlementFiles}. An adapter's test extends this class and implements
 * {@link #filesWith(Map)}, which must put the given files in place the way the provider would (the port
 * itself never writes).
 *
 * <p>Not thread-safe: a JUnit test class, one instance per test method.
 */
public abstract class SettlementFilesContract {
    /** The account most tests use. */
    protected static final ProviderAccount ACCOUNT = new ProviderAccount(Channel.AFTERPAY, "100900", "settlement-files",
            "ap-southeast-2", new CredentialsRef("settlement/afterpay-au"));
    /** Another account in the same bucket. */
    protected static final ProviderAccount OTHER = new ProviderAccount(Channel.AFTERPAY, "100901", "settlement-files",
            "ap-southeast-2", new CredentialsRef("settlement/afterpay-au-2"));

    /**
     * A store holding exactly {@code files}, keyed by account, then file name (the store's backend is
     * seeded by the test, not through the port).
     */
    protected abstract SettlementFiles filesWith(Map<ProviderAccount, Map<String, byte[]>> files);

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String read(Optional<InputStream> content) throws IOException {
        try (InputStream in = content.orElseThrow()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void listsTheAccountsFilesWithThePrefixInNameOrder() {
        Map<String, byte[]> mine = new TreeMap<>();
        mine.put("STL-20250314.02.009.CSV", bytes("two"));
        mine.put("STL-20250314.01.009.CSV", bytes("one!"));
        mine.put("STL-20250313.01.009.CSV", bytes("yesterday"));
        mine.put("TRR-20250314.01.009.CSV", bytes("other report"));
        SettlementFiles files = filesWith(Map.of(ACCOUNT, mine, OTHER, Map.of("STL-20250314.01.009.CSV", bytes("not mine"))));

        assertThat(files.list(ACCOUNT, "STL-20250314")).containsExactly(
                new SettlementFile("STL-20250314.01.009.CSV", 4), new SettlementFile("STL-20250314.02.009.CSV", 3));
        assertThat(files.list(ACCOUNT, "")).extracting(SettlementFile::name).containsExactly(
                "STL-20250313.01.009.CSV", "STL-20250314.01.009.CSV", "STL-20250314.02.009.CSV", "TRR-20250314.01.009.CSV");
        assertThat(files.list(OTHER, "STL-")).extracting(SettlementFile::name).containsExactly("STL-20250314.01.009.CSV");
    }

    @Test
    void readsAFilesContentExactly() throws IOException {
        String content = "\uFEFF\"RH\",2025/03/15 02:41:07 -0700,\"A\",\"SYNTHETIC0001\",009,\n€ ¥ 中文\n";
        SettlementFiles files = filesWith(Map.of(ACCOUNT, Map.of("STL-20250314.01.009.CSV", bytes(content))));

        assertThat(read(files.open(ACCOUNT, "STL-20250314.01.009.CSV"))).isEqualTo(content);
    }

    @Test
    void aMissingFileOrAccountIsEmptyNotAnError() {
        SettlementFiles files = filesWith(Map.of(ACCOUNT, Map.of("a.csv", bytes("a"))));

        assertThat(files.open(ACCOUNT, "b.csv")).isEmpty();
        assertThat(files.open(OTHER, "a.csv")).isEmpty();
        assertThat(files.list(OTHER, "")).isEmpty();
        assertThat(files.list(ACCOUNT, "zzz")).isEmpty();
    }

    @Test
    void listsEveryFileOfAFolderHoldingMoreThanAThousand() {
        Map<String, byte[]> many = new TreeMap<>();
        for (int i = 0; i < 1105; i++) {
            many.put(String.format("afterpay-settlement-20250314-%04d.csv", i), bytes("x"));
        }
        SettlementFiles files = filesWith(Map.of(ACCOUNT, many));

        List<SettlementFile> listed = files.list(ACCOUNT, "afterpay-settlement-20250314");

        assertThat(listed).hasSize(1105);
        assertThat(listed.get(0).name()).isEqualTo("afterpay-settlement-20250314-0000.csv");
        assertThat(listed.get(1104).name()).isEqualTo("afterpay-settlement-20250314-1104.csv");
        List<String> names = new ArrayList<>(listed.stream().map(SettlementFile::name).toList());
        assertThat(names).isSorted();
    }
}
