package io.settlekit.formats.afterpay;

import io.settlekit.Checks;
import io.settlekit.ValidationException;
import io.settlekit.money.FeeTypeCodes;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What an Afterpay file does not say about itself: the account's currency (the export layout has no
 * currency column), the region's date formats and the zone of its zone-less times.
 *
 * @param currency           the merchant account's currency, e.g. {@code AUD}
 * @param dateFormat         the format of {@code Settlement Date}, e.g. {@code dd/MM/yyyy} (AU) or {@code MM/dd/yyyy} (US)
 * @param dateTimeFormat     the format of order and refund times, e.g. {@code dd/MM/yyyy HH:mm}
 * @param zone               the zone in which those times are local
 */
public record AfterpayOptions(String currency, String dateFormat, String dateTimeFormat, ZoneId zone) {

    /** Validates the code and the formats. */
    public AfterpayOptions {
        currency = FeeTypeCodes.check("currency", currency);
        dateFormat = format("date_format", dateFormat);
        dateTimeFormat = format("date_time_format", dateTimeFormat);
        Checks.present("zone", zone);
    }

    /** Australia: AUD, {@code dd/MM/yyyy}, {@code dd/MM/yyyy HH:mm}, {@code Australia/Sydney}. */
    public static AfterpayOptions australia() {
        return new AfterpayOptions("AUD", "dd/MM/yyyy", "dd/MM/yyyy HH:mm", ZoneId.of("Australia/Sydney"));
    }

    /** United States: USD, {@code MM/dd/yyyy}, {@code MM/dd/yyyy HH:mm}, {@code America/Los_Angeles}. */
    public static AfterpayOptions unitedStates() {
        return new AfterpayOptions("USD", "MM/dd/yyyy", "MM/dd/yyyy HH:mm", ZoneId.of("America/Los_Angeles"));
    }

    DateTimeFormatter dateFormatter() {
        return DateTimeFormatter.ofPattern(dateFormat, Locale.ROOT);
    }

    DateTimeFormatter dateTimeFormatter() {
        return DateTimeFormatter.ofPattern(dateTimeFormat, Locale.ROOT);
    }

    private static String format(String field, String pattern) {
        String checked = Checks.notBlank(field, pattern);
        try {
            DateTimeFormatter.ofPattern(checked, Locale.ROOT);
            return checked;
        } catch (IllegalArgumentException e) {
            throw ValidationException.invalid(field, pattern, "is not a date-time pattern: " + e.getMessage());
        }
    }
}
