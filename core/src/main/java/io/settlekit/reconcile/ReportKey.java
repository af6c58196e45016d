package io.settlekit.reconcile;

import io.settlekit.internal.Checks;

import java.time.LocalDate;

/**
 * Which reconciliation a report is: one channel, one site, one date.
 *
 * @param channel the provider
 * @param site    the site's name
 * @param date    the settlement date
 */
public record ReportKey(Channel channel, String site, LocalDate date) {

    /** Validates every field. */
    public ReportKey {
        Checks.present("channel", channel);
        site = Checks.notBlank("site", site);
        Checks.present("date", date);
    }

    @Override
    public String toString() {
        return channel.code() + "/" + site + "/" + date;
    }
}
