package io.settlekit.files.afterpay;

import io.settlekit.files.csv.CsvRecords;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two known layouts of Afterpay settlement files, told apart by their header row.
 *
 * <p>{@link #EXPORT} is the merchant Business Hub "Settlement Export": currency-symbol amounts, fees and
 * net per row. {@link #PARTNER} is the Partner API batch file: plain decimals; its schema is published
 * only up to {@code Merchant Fee excl Tax}, so this SDK needs a {@code Type} column and computes the net
 * from the settlement amount minus the fee columns present.
 */
enum AfterpayLayout {
    /** Business Hub settlement export (the sample file's layout). */
    EXPORT("Net Settlement Amount", List.of("Settlement Date", "Order Date and Time", "Afterpay Order ID",
            "Merchant Order ID", "Settlement Amount", "Net Settlement Amount", "Type")),
    /** Partner API settlement batch file. */
    PARTNER("Presentment Currency", List.of("Settlement Date", "Order Date and Time", "Afterpay Order ID",
            "Merchant Order ID", "Settlement Amount", "Merchant Fee excl Tax", "Type"));

    private final String marker;
    private final List<String> required;

    AfterpayLayout(String marker, List<String> required) {
        this.marker = marker;
        this.required = required;
    }

    /** The layout whose marker column the header has, if any. */
    static Optional<AfterpayLayout> detect(Map<String, Integer> header) {
        for (AfterpayLayout layout : values()) {
            if (header.containsKey(CsvRecords.normaliseName(layout.marker))) {
                return Optional.of(layout);
            }
        }
        return Optional.empty();
    }

    /** The columns the layout needs. */
    List<String> required() {
        return required;
    }
}
