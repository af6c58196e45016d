package io.settlekit.files.report;

import io.settlekit.base.InfrastructureException;
import io.settlekit.reconcile.ReconciledItem;
import io.settlekit.reconcile.ReconciliationSummary;
import io.settlekit.reconcile.ReportKey;
import io.settlekit.reconcile.ReconciliationReports;
import io.settlekit.reconcile.ReportDraft;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Published reports as files in a folder, named {@code <channel>-<site>-<date>.<jsonl|csv>} (see
 * {@link #pathOf(ReportKey)}). A draft
 * streams into a hidden temporary file beside the target, {@code .<report name>.<random>.tmp}, which no
 * reader takes for a report (it starts with a dot and ends in {@code .tmp}). On publish the file is synced
 * to disk ({@link FileChannel#force(boolean)}) and then moved into place atomically (replacing the day's
 * earlier report), and the folder is synced too where the platform allows it, so that neither readers nor
 * a machine that loses power see half a report. A discarded draft leaves nothing behind; the temporary
 * file of a writer that died (killed, out of memory, power lost) is deleted when the next draft of the
 * same report begins. Drafts of one report are not meant to run at the same time in one folder (the
 * reconciliation job's lock keeps them apart): the second would delete the first's temporary file.
 *
 * <p>Thread-safe: only final settings; every report opened gets its own temporary file and writer (each not thread-
 * safe).
 */
public final class DirectoryReconciliationReports implements ReconciliationReports {
    private static final String TEMPORARY = ".tmp";

    /** Forces a file's content to disk: {@link FileChannel#force(boolean)}, or a test's stand-in that watches it. */
    interface Sync {
        void force(FileChannel channel, Path file) throws IOException;
    }

    private final Path folder;
    private final ReportFormat format;
    private final Sync sync;

    /** Reports in {@code format} under {@code folder} (created when missing). */
    public DirectoryReconciliationReports(Path folder, ReportFormat format) {
        this(folder, format, (channel, file) -> channel.force(true));
    }

    DirectoryReconciliationReports(Path folder, ReportFormat format, Sync sync) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.format = Objects.requireNonNull(format, "format");
        this.sync = Objects.requireNonNull(sync, "sync");
    }

    /** Whether {@code file} is a draft's temporary file, never a report. */
    public static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(TEMPORARY);
    }

    /**
     * Where the published report of {@code key} is (or will be). Every key has its own name: the site's
     * characters other than ASCII letters, digits, {@code _ . -} are written as {@code %XX} (its UTF-8
     * bytes, {@code fr cupshe} as {@code fr%20cupshe}), and so is a {@code -} in the channel's code, so
     * that no two keys share a file ({@code fr_cupshe} and {@code fr cupshe}; channel {@code paypal-eu}
     * and site {@code cupshe} against channel {@code paypal} and site {@code eu-cupshe}).
     */
    public Path pathOf(ReportKey key) {
        return folder.resolve(escape(key.channel().code(), "") + "-" + escape(key.site(), "-") + "-" + key.date()
                + "." + format.extension());
    }

    /** {@code text} with every character but ASCII letters, digits, {@code _}, {@code .} and {@code kept} percent-encoded. */
    private static String escape(String text, String kept) {
        StringBuilder name = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || kept.indexOf(c) >= 0) {
                name.append(c);
            } else {
                name.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return name.toString();
    }

    @Override
    public ReportDraft begin(ReportKey key) {
        Path target = pathOf(key);
        try {
            Files.createDirectories(folder);
            String prefix = "." + target.getFileName() + ".";
            deleteLeftovers(prefix);
            Path temp = Files.createTempFile(folder, prefix, TEMPORARY);
            FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            return new FileDraft(key, target, temp, channel, out, format.open(out), sync);
        } catch (IOException e) {
            throw new InfrastructureException("starting the report " + key + " in " + folder, e);
        }
    }

    /** Deletes the temporary files a dead writer of the same report left (names starting with {@code prefix}). */
    private void deleteLeftovers(String prefix) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder,
                file -> isTemporary(file) && file.getFileName().toString().startsWith(prefix))) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    /** Syncs the folder's entry of a moved file; some platforms cannot open a folder for that, and say so by failing. */
    private static void syncFolder(Path folder) {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // the file itself is synced; where a folder cannot be synced (Windows) the rename is the OS's to keep
        }
    }

    private static final class FileDraft implements ReportDraft {
        private final ReportKey key;
        private final Path target;
        private final Path temp;
        private final FileChannel channel;
        private final OutputStream out;
        private final ReportWriter writer;
        private final Sync sync;
        private boolean closed;

        FileDraft(ReportKey key, Path target, Path temp, FileChannel channel, OutputStream out, ReportWriter writer, Sync sync) {
            this.key = key;
            this.target = target;
            this.temp = temp;
            this.channel = channel;
            this.out = out;
            this.writer = writer;
            this.sync = sync;
        }

        @Override
        public void add(ReconciledItem item) {
            if (closed) {
                throw new IllegalStateException("the draft of " + key + " is closed");
            }
            writer.item(item);
        }

        @Override
        public void publish(ReconciliationSummary summary) {
            if (closed) {
                throw new IllegalStateException("the draft of " + key + " is closed");
            }
            try {
                writer.summary(summary);
                writer.close();
                out.flush();
                // on disk before it has the report's name: a crash after the move never shows an empty or cut file
                sync.force(channel, temp);
                out.close();
                closed = true;
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException notAtomic) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                syncFolder(target.getParent());
            } catch (IOException | RuntimeException e) {
                discard();
                throw e instanceof IOException io ? new InfrastructureException("publishing the report " + key, io) : (RuntimeException) e;
            }
        }

        @Override
        public void discard() {
            closed = true;
            try {
                out.close();
            } catch (IOException ignored) {
                // the temporary file is deleted below either way
            }
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                throw new InfrastructureException("discarding the draft of report " + key, e);
            }
        }
    }
}
