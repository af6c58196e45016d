package io.settlekit.billing.reminder.memory;

import io.settlekit.base.ValidationException;
import io.settlekit.internal.Checks;
import io.settlekit.billing.reminder.ReminderEntry;
import io.settlekit.billing.reminder.ReminderKey;
import io.settlekit.billing.reminder.ReminderLog;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The reminder log in memory: {@link #insert} is {@link ConcurrentMap#putIfAbsent} and {@link #replace} a
 * compare-and-set per key ({@link ConcurrentMap#compute}), so concurrent jobs in one JVM never both win a
 * change. The status rules are {@link io.settlekit.billing.reminder.ReminderTransitions}'. Thread-safe.
 */
public final class InMemoryReminderLog implements ReminderLog {
    private static final Comparator<ReminderEntry> ORDER = Comparator
            .comparing((ReminderEntry e) -> e.key().reminderDate())
            .thenComparing(e -> e.key().merchantId())
            .thenComparing(e -> e.key().periodBegin());

    private final ConcurrentMap<ReminderKey, ReminderEntry> entries = new ConcurrentHashMap<>();

    @Override
    public boolean insert(ReminderEntry entry) {
        Checks.present("entry", entry);
        return entries.putIfAbsent(entry.key(), entry) == null;
    }

    @Override
    public boolean replace(ReminderEntry expected, ReminderEntry updated) {
        Checks.present("expected", expected);
        Checks.present("updated", updated);
        if (!expected.key().equals(updated.key())) {
            throw ValidationException.invalid("key", updated.key(), "differs from the expected entry's " + expected.key());
        }
        boolean[] replaced = {false};
        entries.computeIfPresent(expected.key(), (k, stored) -> {
            if (!stored.sameVersion(expected)) {
                return stored;
            }
            replaced[0] = true;
            return updated;
        });
        return replaced[0];
    }

    @Override
    public Optional<ReminderEntry> find(ReminderKey key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public List<ReminderEntry> entriesBetween(LocalDate from, LocalDate to) {
        return entries.values().stream()
                .filter(e -> !e.key().reminderDate().isBefore(from) && !e.key().reminderDate().isAfter(to))
                .sorted(ORDER)
                .toList();
    }
}
