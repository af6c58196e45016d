package io.settlekit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.InfrastructureException;
import io.settlekit.internal.Checks;
import io.settlekit.reconcile.MalformedFileException;
import io.settlekit.reconcile.SettlementInput;
import io.settlekit.reconcile.SettlementLine;
import io.settlekit.reconcile.SettlementParser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract of {@link SettlementParser}: an accepted day reads into exactly the lines it holds (every
 * field, the file and line each was read from) and the count returned is theirs; the same parser reads
 * one day after another; lines are streamed, each sent to the sink before the rest of the day is read;
 * every malformed day is refused with a {@link MalformedFileException} naming its file, line and column;
 * a file that cannot be read is an {@link InfrastructureException} naming it; every file is opened at
 * once (at most once when an earlier file fails) and closed when opened, whether the parse succeeds or
 * fails (a second close is harmless: {@link java.io.Closeable#close()} is idempotent).
 *
 * <p>An adapter's test extends this class and supplies its parser and its format's samples: an
 * {@linkplain #accepted() accepted day} with the lines expected of it, and {@linkplain #malformed()
 * malformed days} with where each must be refused. The accepted day should end with some content after
 * its first line's row (a footer, more rows), so that streaming shows.
 *
 * <p>Not thread-safe: a JUnit test class, one instance per test method.
 */
public abstract class SettlementParserContract {
    /** At most this many bytes are served per read, so that a parser that reads ahead shows it. */
    private static final int TRICKLE = 16;

    /**
     * One file of a sample.
     *
     * @param name    the file's name
     * @param content its bytes
     */
    public record SampleFile(String name, byte[] content) {
        /** Validates the name and copies the content. */
        public SampleFile {
            name = Checks.notBlank("file", name);
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }

    /**
     * An accepted day.
     *
     * @param files the day's files, in order
     * @param lines the settlement lines they hold, exactly, in order
     */
    public record Accepted(List<SampleFile> files, List<SettlementLine> lines) {
        /** Copies both lists. */
        public Accepted {
            files = List.copyOf(files);
            lines = List.copyOf(lines);
        }
    }

    /**
     * A malformed day and where the parser must refuse it.
     *
     * @param what   what is wrong, for the test's name
     * @param files  the day's files, in order
     * @param file   the name of the file the refusal names
     * @param line   the line it names (1-based; 0 when the file as a whole is at fault)
     * @param column the column (or record type) it names
     */
    public record Malformed(String what, List<SampleFile> files, String file, long line, String column) {
        /** Copies the files. */
        public Malformed {
            files = List.copyOf(files);
        }
    }

    /** The parser under test. */
    protected abstract SettlementParser parser();

    /** An accepted day of the parser's format and its lines. */
    protected abstract Accepted accepted();

    /** Malformed days of the parser's format: at least a truncated file, a wrong header and a bad value. */
    protected abstract List<Malformed> malformed();

    /** Opens and closes of the inputs, and bytes served, counted per file name. */
    private static final class Inputs {
        final Map<String, Integer> opened = new HashMap<>();
        final Map<String, Integer> closed = new HashMap<>();
        final AtomicLong served = new AtomicLong();
        final List<SettlementInput> inputs = new ArrayList<>();

        Inputs(List<SampleFile> files) {
            for (SampleFile file : files) {
                byte[] content = file.content();
                inputs.add(new SettlementInput(file.name(), () -> {
                    opened.merge(file.name(), 1, Integer::sum);
                    return new Trickle(content, served, () -> closed.merge(file.name(), 1, Integer::sum));
                }));
            }
        }

        long total(List<SampleFile> files) {
            return files.stream().mapToLong(file -> file.content().length).sum();
        }
    }

    /** Serves its content a few bytes at a time and never says more is available without blocking. */
    private static final class Trickle extends InputStream {
        private final ByteArrayInputStream content;
        private final AtomicLong served;
        private final Runnable onClose;

        Trickle(byte[] content, AtomicLong served, Runnable onClose) {
            this.content = new ByteArrayInputStream(content);
            this.served = served;
            this.onClose = onClose;
        }

        @Override
        public int read() {
            int b = content.read();
            if (b >= 0) {
                served.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int n = content.read(buffer, offset, Math.min(length, TRICKLE));
            if (n > 0) {
                served.addAndGet(n);
            }
            return n;
        }

        @Override
        public int available() {
            return 0;
        }

        @Override
        public void close() {
            onClose.run();
        }
    }

    @Test
    void readsTheAcceptedDayIntoExactlyItsLines() {
        Accepted day = accepted();
        List<SettlementLine> lines = new ArrayList<>();

        long count = parser().parse(new Inputs(day.files()).inputs, lines::add);

        assertThat(lines).containsExactlyElementsOf(day.lines());
        assertThat(count).isEqualTo(day.lines().size());
    }

    @Test
    void oneParserReadsOneDayAfterAnother() {
        Accepted day = accepted();
        SettlementParser parser = parser();
        List<SettlementLine> first = new ArrayList<>();
        List<SettlementLine> second = new ArrayList<>();

        parser.parse(new Inputs(day.files()).inputs, first::add);
        parser.parse(new Inputs(day.files()).inputs, second::add);

        assertThat(first).containsExactlyElementsOf(day.lines());
        assertThat(second).containsExactlyElementsOf(day.lines());
    }

    @Test
    void sendsTheFirstLineBeforeTheRestOfTheDayIsRead() {
        Accepted day = accepted();
        Inputs inputs = new Inputs(day.files());
        List<Long> servedAtEachLine = new ArrayList<>();

        parser().parse(inputs.inputs, line -> servedAtEachLine.add(inputs.served.get()));

        assertThat(servedAtEachLine).hasSize(day.lines().size());
        assertThat(servedAtEachLine.get(0)).as("bytes read when the first line was sent, of " + inputs.total(day.files()))
                .isLessThan(inputs.total(day.files()));
    }

    @Test
    void opensEveryFileOnceAndClosesIt() {
        Accepted day = accepted();
        Inputs inputs = new Inputs(day.files());

        parser().parse(inputs.inputs, line -> { });

        for (SampleFile file : day.files()) {
            assertThat(inputs.opened.get(file.name())).as("opens of " + file.name()).isEqualTo(1);
            assertThat(inputs.closed.getOrDefault(file.name(), 0)).as("closes of " + file.name()).isPositive();
        }
    }

    @TestFactory
    Stream<DynamicTest> refusesEveryMalformedDayNamingFileLineAndColumn() {
        List<Malformed> days = malformed();
        assertThat(days).as("malformed samples").hasSizeGreaterThanOrEqualTo(3);
        return days.stream().map(day -> DynamicTest.dynamicTest(day.what(), () -> {
            Inputs inputs = new Inputs(day.files());

            assertThatThrownBy(() -> parser().parse(inputs.inputs, line -> { }))
                    .isInstanceOfSatisfying(MalformedFileException.class, e -> {
                        assertThat(e.file()).isEqualTo(day.file());
                        assertThat(e.line()).isEqualTo(day.line());
                        assertThat(e.column()).isEqualTo(day.column());
                        assertThat(e.code()).isEqualTo("malformed_input");
                        assertThat(e.getMessage()).contains(day.file()).contains("line " + day.line()).contains(day.column());
                    });
            for (SampleFile file : day.files()) {
                int opens = inputs.opened.getOrDefault(file.name(), 0);
                assertThat(opens).as("opens of " + file.name()).isLessThanOrEqualTo(1);
                assertThat(inputs.closed.getOrDefault(file.name(), 0) > 0).as("closed: " + file.name()).isEqualTo(opens > 0);
            }
        }));
    }

    @Test
    void aFileThatCannotBeOpenedOrReadIsAnInfrastructureErrorNamingIt() {
        SampleFile first = accepted().files().get(0);
        SettlementInput unopenable = new SettlementInput(first.name(), () -> {
            throw new IOException("permission denied");
        });
        AtomicLong closes = new AtomicLong();
        byte[] content = first.content();
        SettlementInput failing = new SettlementInput(first.name(), () -> new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served < content.length / 2) {
                    return content[served++] & 0xFF;
                }
                throw new IOException("connection reset");
            }

            @Override
            public void close() {
                closes.incrementAndGet();
            }
        });

        assertThatThrownBy(() -> parser().parse(List.of(unopenable), line -> { }))
                .isInstanceOf(InfrastructureException.class).hasMessageContaining(first.name());
        assertThatThrownBy(() -> parser().parse(List.of(failing), line -> { }))
                .isInstanceOf(InfrastructureException.class).hasMessageContaining(first.name());
        assertThat(closes.get()).isPositive();
    }
}
