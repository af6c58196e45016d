package io.settlekit.files.afterpay;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;
import io.settlekit.money.FeeTypeCodes;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
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
        return strict(dateFormat);
    }

    DateTimeFormatter dateTimeFormatter() {
        return strict(dateTimeFormat);
    }

    /**
     * The pattern resolved strictly: {@code 31/02/2025} is an error, not February 28 (the default "smart"
     * resolver clamps the day). {@code yyyy} is a year of era, which strict resolving needs an era for: the
     * current one (CE) is assumed.
     */
    private static DateTimeFormatter strict(String pattern) {
        return new DateTimeFormatterBuilder().appendPattern(pattern).parseDefaulting(ChronoField.ERA, 1)
                .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    private static String format(String field, String pattern) {
        String checked = Checks.notBlank(field, pattern);
        try {
            strict(checked);
            return checked;
        } catch (IllegalArgumentException e) {
            throw ValidationException.invalid(field, pattern, "is not a date-time pattern: " + e.getMessage());
        }
    }
}
