package io.settlekit.reconcile.memory;

import io.settlekit.internal.Checks;
import io.settlekit.reconcile.Channel;
import io.settlekit.reconcile.Receivable;
import io.settlekit.reconcile.Site;
import io.settlekit.reconcile.ReceivableSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/** Receivables held in memory per (channel, site); {@link #add} plays the shop. Thread-safe. */
public final class InMemoryReceivables implements ReceivableSource {
    private record Entry(Channel channel, int site, Receivable receivable) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Records a receivable of {@code channel} and {@code site}. */
    public synchronized InMemoryReceivables add(Channel channel, Site site, Receivable receivable) {
        entries.add(new Entry(Checks.present("channel", channel), Checks.present("site", site).id(),
                Checks.present("receivable", receivable)));
        return this;
    }

    @Override
    public void read(Channel channel, Site site, Instant from, Instant until, Consumer<Receivable> sink) {
        List<Receivable> found = new ArrayList<>();
        synchronized (this) {
            for (Entry entry : entries) {
                Instant time = entry.receivable().time();
                if (entry.channel().equals(channel) && entry.site() == site.id() && !time.isBefore(from) && time.isBefore(until)) {
                    found.add(entry.receivable());
                }
            }
        }
        found.sort(Comparator.comparing(Receivable::time));
        found.forEach(sink);
    }
}
