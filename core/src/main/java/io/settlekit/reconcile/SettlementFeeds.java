package io.settlekit.reconcile;

import io.settlekit.base.ValidationException;

import java.util.List;
import java.util.Optional;

/**
 * Which (channel, site) pairs have settlement files, and where: the reconciliation configuration. At
 * most one feed per pair.
 *
 * <p>Thread-safe: immutable (an unmodifiable copy of the feeds).
 */
public final class SettlementFeeds {
    private final List<SettlementFeed> feeds;

    /** The given feeds; a (channel, site) pair may appear once. */
    public SettlementFeeds(List<SettlementFeed> feeds) {
        this.feeds = List.copyOf(feeds);
        for (int i = 0; i < this.feeds.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (this.feeds.get(i).channel().equals(this.feeds.get(j).channel())
                        && this.feeds.get(i).site().id() == this.feeds.get(j).site().id()) {
                    throw ValidationException.invalid("feeds[" + i + "]", this.feeds.get(i).channel() + "/" + this.feeds.get(i).site().name(),
                            "repeats the channel and site of feeds[" + j + "]");
                }
            }
        }
    }

    /** No feeds at all (the builder's default). */
    public static SettlementFeeds none() {
        return new SettlementFeeds(List.of());
    }

    /**
     * The seed's pairs (PayPal for app, fr, es, it; Afterpay for app, fr, es, au) over the sample sites,
     * with sample accounts in bucket {@code settlement-files} of each site's region, credential
     * references {@code settlement/<channel>-<site>}, PayPal days in US Pacific time and Afterpay days in
     * Sydney time looking back two days.
     */
    public static SettlementFeeds sample() {
        Sites sites = Sites.sample();
        List<String> paypal = List.of("app", "fr-cupshe", "es-cupshe", "it-cupshe");
        List<String> afterpay = List.of("app", "fr-cupshe", "es-cupshe", "au-cupshe");
        java.util.ArrayList<SettlementFeed> feeds = new java.util.ArrayList<>();
        for (String name : paypal) {
            feeds.add(sampleFeed(Channel.PAYPAL, sites.named(name), FileNaming.PAYPAL_STL, PAYPAL_WINDOW));
        }
        for (String name : afterpay) {
            feeds.add(sampleFeed(Channel.AFTERPAY, sites.named(name), FileNaming.AFTERPAY_SAMPLE, AFTERPAY_WINDOW));
        }
        return new SettlementFeeds(feeds);
    }

    /** PayPal's reporting window "A" follows US Pacific time. */
    private static final ReceivableWindow PAYPAL_WINDOW =
            new ReceivableWindow(java.util.Optional.of(java.time.ZoneId.of("America/Los_Angeles")), 0);
    /** Afterpay settles captures "typically within 2 business days" (its help centre). */
    private static final ReceivableWindow AFTERPAY_WINDOW =
            new ReceivableWindow(java.util.Optional.of(java.time.ZoneId.of("Australia/Sydney")), 2);

    private static SettlementFeed sampleFeed(Channel channel, Site site, FileNaming naming, ReceivableWindow window) {
        String account = channel.code() + "-" + site.name().toLowerCase(java.util.Locale.ROOT);
        return new SettlementFeed(channel, site,
                new ProviderAccount(channel, account, "settlement-files", site.region(), new CredentialsRef("settlement/" + account)),
                naming, window);
    }

    /** Every feed, in the order given. */
    public List<SettlementFeed> all() {
        return feeds;
    }

    /** The feed of {@code channel} and {@code site}, if configured. */
    public Optional<SettlementFeed> find(Channel channel, Site site) {
        return feeds.stream().filter(f -> f.channel().equals(channel) && f.site().id() == site.id()).findFirst();
    }
}
