package io.settlekit.balance.memory;

import io.settlekit.balance.FinancialEventGroup;
import io.settlekit.balance.FinancialEventGroupSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Financial event groups held in memory (tests, the demo): every group added, of which the open, live
 * ones are read, in the order added. Thread-safe.
 */
public final class InMemoryFinancialEventGroupSource implements FinancialEventGroupSource {
    private final List<FinancialEventGroup> groups = new CopyOnWriteArrayList<>();

    /** An empty source. */
    public InMemoryFinancialEventGroupSource() {
    }

    /** A source holding {@code groups}. */
    public InMemoryFinancialEventGroupSource(List<FinancialEventGroup> groups) {
        this.groups.addAll(groups);
    }

    /** Adds a group (open or not). */
    public void add(FinancialEventGroup group) {
        groups.add(group);
    }

    /** Removes every group. */
    public void clear() {
        groups.clear();
    }

    @Override
    public Set<String> openCurrencies() {
        Set<String> codes = new TreeSet<>();
        groups.stream().filter(FinancialEventGroup::isOpenAndLive).forEach(group -> codes.add(group.currencyCode()));
        return codes;
    }

    @Override
    public void forEachOpen(Consumer<FinancialEventGroup> action) {
        for (FinancialEventGroup group : new ArrayList<>(groups)) {
            if (group.isOpenAndLive()) {
                action.accept(group);
            }
        }
    }
}
