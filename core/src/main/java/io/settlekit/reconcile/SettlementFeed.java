package io.settlekit.reconcile;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;

/**
 * One configured (channel, site) pair that has settlement files: where they are and how they are named.
 *
 * @param channel the provider
 * @param site    the site whose orders the files settle
 * @param account the provider merchant account (its channel must be {@code channel})
 * @param naming  the daily files' naming convention
 * @param window  the receivables a settlement date is reconciled against
 */
public record SettlementFeed(Channel channel, Site site, ProviderAccount account, FileNaming naming, ReceivableWindow window) {

    /** Validates that the account belongs to the channel. */
    public SettlementFeed {
        Checks.present("channel", channel);
        Checks.present("site", site);
        Checks.present("account", account);
        Checks.present("file_naming", naming);
        Checks.present("window", window);
        if (!account.channel().equals(channel)) {
            throw ValidationException.invalid("account.channel", account.channel().code(), "must be the feed's channel " + channel.code());
        }
    }

    /** A feed reconciled against the receivables of the settlement date itself, in the deployment zone. */
    public SettlementFeed(Channel channel, Site site, ProviderAccount account, FileNaming naming) {
        this(channel, site, account, naming, ReceivableWindow.SAME_DAY);
    }
}
