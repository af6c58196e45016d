package io.settlekit.balance.memory;

import io.settlekit.balance.BalanceSnapshot;
import io.settlekit.balance.PublishOutcome;
import io.settlekit.balance.SnapshotDay;
import io.settlekit.balance.SnapshotRun;
import io.settlekit.balance.SnapshotSummary;
import io.settlekit.balance.BalanceSnapshotStore;
import io.settlekit.balance.SnapshotWriter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Snapshots in memory: each day maps to its published run (summary and documents together), replaced in
 * one atomic step, so readers always see a whole run. Staged documents live in their writer until
 * published. Thread-safe.
 */
public final class InMemoryBalanceSnapshotStore implements BalanceSnapshotStore {
    private static final Comparator<BalanceSnapshot> BY_UUID = Comparator.comparing(d -> d.group().uuid());

    private final ConcurrentSkipListMap<LocalDate, SnapshotDay> days = new ConcurrentSkipListMap<>();

    @Override
    public SnapshotWriter open(SnapshotRun run) {
        return new Writer(run);
    }

    @Override
    public Optional<SnapshotSummary> summary(LocalDate loadDate) {
        return day(loadDate).map(SnapshotDay::summary);
    }

    @Override
    public Optional<SnapshotDay> day(LocalDate loadDate) {
        return Optional.ofNullable(days.get(loadDate));
    }

    @Override
    public List<SnapshotSummary> summaries(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            return List.of();
        }
        return days.subMap(from, true, to, true).values().stream().map(SnapshotDay::summary).toList();
    }

    private final class Writer implements SnapshotWriter {
        private final SnapshotRun run;
        private final List<BalanceSnapshot> staged = new ArrayList<>();

        Writer(SnapshotRun run) {
            this.run = run;
        }

        @Override
        public void write(List<BalanceSnapshot> batch) {
            for (BalanceSnapshot document : batch) {
                run.requireOwns(document);
            }
            staged.addAll(batch);
        }

        @Override
        public PublishOutcome publish(SnapshotSummary summary) {
            summary.requireDescribes(run, staged.size(),
                    staged.stream().map(BalanceSnapshot::cnyBalance).reduce(BigDecimal.ZERO, BigDecimal::add));
            staged.sort(BY_UUID);
            SnapshotDay day = new SnapshotDay(summary, staged);
            SnapshotDay now = days.merge(run.loadDate(), day,
                    (current, mine) -> mine.summary().run().startedBefore(current.summary().run()) ? current : mine);
            staged.clear();
            return now == day ? PublishOutcome.PUBLISHED : PublishOutcome.SUPERSEDED;
        }

        @Override
        public void close() {
            staged.clear();
        }
    }
}
