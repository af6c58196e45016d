package io.settlekit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.InfrastructureException;
import io.settlekit.reconcile.Channel;
import io.settlekit.reconcile.ReportKey;
import io.settlekit.reconcile.SettlementArchive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The contract of {@link SettlementArchive}: the bytes stored are read back exactly (a BOM, bytes that
 * are not UTF-8, a file of several megabytes), archiving the same file again replaces it and keeps one
 * copy, copies are kept apart per channel, site, date and file name, and a file whose stream fails half
 * way is refused with an {@link InfrastructureException} that leaves the earlier copy as it was.
 *
 * <p>An adapter's test extends this class and implements {@link #archive()} and the two read-backs,
 * which look at the backend directly (the port itself only writes).
 *
 * <p>Not thread-safe: a JUnit test class, one instance per test method.
 */
public abstract class SettlementArchiveContract {
    /** The key most tests use. */
    protected static final ReportKey KEY = new ReportKey(Channel.PAYPAL, "fr-cupshe", LocalDate.of(2025, 3, 14));

    /** A new, empty archive (each test starts with one). */
    protected abstract SettlementArchive archive();

    /** The content stored for {@code fileName} of {@code key}, read from the backend; empty when none. */
    protected abstract Optional<byte[]> stored(ReportKey key, String fileName);

    /** How many files the backend holds in all. */
    protected abstract long storedFiles();

    private static InputStream stream(byte[] content) {
        return new ByteArrayInputStream(content);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsBackTheStoredBytesExactly() {
        SettlementArchive archive = archive();
        byte[] text = utf8("\uFEFF\"RH\",2025/03/15 02:41:07 -0700,\"A\",\"SYNTHETIC0001\",009,\r\n€ ¥ 中文\r\n");
        byte[] binary = {0, (byte) 0xFF, (byte) 0xFE, (byte) 0xC3, 0x28, '\n', '\r', 0x7F, (byte) 0x80};
        byte[] large = new byte[3 * 1024 * 1024 + 17];
        new Random(13).nextBytes(large);

        archive.archive(KEY, "STL-20250314.01.009.CSV", stream(text));
        archive.archive(KEY, "binary.bin", stream(binary));
        archive.archive(KEY, "large.csv", stream(large));
        archive.archive(KEY, "empty.csv", stream(new byte[0]));

        assertThat(stored(KEY, "STL-20250314.01.009.CSV")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(text));
        assertThat(stored(KEY, "binary.bin")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(binary));
        assertThat(stored(KEY, "large.csv")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(large));
        assertThat(stored(KEY, "empty.csv")).hasValueSatisfying(bytes -> assertThat(bytes).isEmpty());
        assertThat(stored(KEY, "never.csv")).isEmpty();
        assertThat(storedFiles()).isEqualTo(4);
    }

    @Test
    void archivingTheSameFileAgainReplacesItAndKeepsOneCopy() {
        SettlementArchive archive = archive();

        archive.archive(KEY, "a.csv", stream(utf8("first, longer content")));
        archive.archive(KEY, "a.csv", stream(utf8("second")));
        assertThat(stored(KEY, "a.csv")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(utf8("second")));
        archive.archive(KEY, "a.csv", stream(utf8("second")));

        assertThat(stored(KEY, "a.csv")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(utf8("second")));
        assertThat(storedFiles()).isEqualTo(1);
    }

    @Test
    void keepsCopiesApartPerChannelSiteDateAndFileName() {
        SettlementArchive archive = archive();
        ReportKey otherChannel = new ReportKey(Channel.AFTERPAY, KEY.site(), KEY.date());
        ReportKey otherSite = new ReportKey(KEY.channel(), "de-cupshe", KEY.date());
        ReportKey otherDate = new ReportKey(KEY.channel(), KEY.site(), KEY.date().plusDays(1));

        archive.archive(KEY, "day.csv", stream(utf8("key")));
        archive.archive(otherChannel, "day.csv", stream(utf8("channel")));
        archive.archive(otherSite, "day.csv", stream(utf8("site")));
        archive.archive(otherDate, "day.csv", stream(utf8("date")));
        archive.archive(KEY, "day2.csv", stream(utf8("file")));

        assertThat(stored(KEY, "day.csv")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(utf8("key")));
        assertThat(stored(otherChannel, "day.csv")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(utf8("channel")));
        assertThat(stored(otherSite, "day.csv")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(utf8("site")));
        assertThat(stored(otherDate, "day.csv")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(utf8("date")));
        assertThat(stored(KEY, "day2.csv")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(utf8("file")));
        assertThat(storedFiles()).isEqualTo(5);
    }

    @Test
    void aStreamThatFailsHalfWayIsRefusedAndLeavesTheEarlierCopy() {
        SettlementArchive archive = archive();
        archive.archive(KEY, "a.csv", stream(utf8("the earlier copy")));
        InputStream failing = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ < 10) {
                    return 'x';
                }
                throw new IOException("connection reset");
            }
        };

        assertThatThrownBy(() -> archive.archive(KEY, "a.csv", failing)).isInstanceOf(InfrastructureException.class)
                .hasMessageContaining("a.csv");
        assertThatThrownBy(() -> archive.archive(KEY, "b.csv", new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        })).isInstanceOf(InfrastructureException.class);

        assertThat(stored(KEY, "a.csv")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(utf8("the earlier copy")));
        assertThat(stored(KEY, "b.csv")).isEmpty();
        assertThat(storedFiles()).isEqualTo(1);
    }

    @Test
    void namesHoldingSeparatorsDoNotRunIntoEachOther() {
        SettlementArchive archive = archive();
        // "paypal/fr/2025-03-14/2025-03-15/a.csv" either way, were key and file name only joined with '/'
        ReportKey site = new ReportKey(KEY.channel(), "fr", KEY.date());
        ReportKey siteWithSlash = new ReportKey(KEY.channel(), "fr/" + KEY.date(), KEY.date().plusDays(1));

        archive.archive(site, KEY.date().plusDays(1) + "/a.csv", stream(utf8("nested file")));
        archive.archive(siteWithSlash, "a.csv", stream(utf8("site with a slash")));

        assertThat(stored(site, KEY.date().plusDays(1) + "/a.csv")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(utf8("nested file")));
        assertThat(stored(siteWithSlash, "a.csv")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(utf8("site with a slash")));
        assertThat(storedFiles()).isEqualTo(2);
    }
}
