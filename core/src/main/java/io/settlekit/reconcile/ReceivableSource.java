package io.settlekit.reconcile;


import io.settlekit.base.Port;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The shop's receivables (rule R9.7 of docs/rules.md): forward = orders of the window that reached "payment accepted",
 * with their payment of the channel; reverse = order slips of the window whose order was paid through
 * the channel.
 */
@Port
public interface ReceivableSource {

    /**
     * Sends the receivables of {@code channel} and {@code site} whose time is in {@code [from, until)} to
     * {@code sink}, sorted by time, streaming.
     */
    void read(Channel channel, Site site, Instant from, Instant until, Consumer<Receivable> sink);
}
