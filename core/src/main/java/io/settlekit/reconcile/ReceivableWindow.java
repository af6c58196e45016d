package io.settlekit.reconcile;

import io.settlekit.internal.Checks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Which receivables a settlement date is reconciled against: those of {@code [d − daysBefore 00:00,
 * d + 1 00:00)} in a zone. By default the deployment zone and the day itself (rule R9.7 of docs/rules.md); a provider
 * whose reports follow another clock (PayPal's reporting window in US Pacific time) or that settles
 * orders days after they are paid (Afterpay) gets its own zone and look-back.
 *
 * @param zone       the zone of the window, or empty for the deployment zone
 * @param daysBefore how many days before the settlement date the window opens, 0–31
 */
public record ReceivableWindow(Optional<ZoneId> zone, int daysBefore) {
    /** The settlement date itself, in the deployment zone. */
    public static final ReceivableWindow SAME_DAY = new ReceivableWindow(Optional.empty(), 0);

    /** Validates the look-back. */
    public ReceivableWindow {
        Checks.present("window.zone", zone);
        Checks.inRange("window.days_before", daysBefore, 0, 31);
    }

    /** The window's first instant for {@code date}. */
    public Instant from(LocalDate date, ZoneId deploymentZone) {
        return date.minusDays(daysBefore).atStartOfDay(zone.orElse(deploymentZone)).toInstant();
    }

    /** The instant after the window for {@code date}. */
    public Instant until(LocalDate date, ZoneId deploymentZone) {
        return date.plusDays(1).atStartOfDay(zone.orElse(deploymentZone)).toInstant();
    }
}
