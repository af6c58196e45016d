package io.settlekit.money;

import io.settlekit.base.ValidationException;

import java.util.Currency;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Shape checks for fee type codes and the minor digits of each currency.
 *
 * <p>Minor digits come from ISO 4217 through {@link Currency} (JPY 0, KWD 3, CNY 2); a code the JDK does
 * not know uses 2. Looking them up through JSR-354 is slow beside a map lookup, so the answer is cached.
 *
 * <p>Thread-safe: immutable code set and a concurrent map caching the minor-unit digits.
 */
public final class FeeTypeCodes {
    /** The fee type of any record that has none (rule R1.4 of docs/rules.md). */
    public static final String DEFAULT = "CNY";

    private static final ConcurrentMap<String, Integer> DIGITS = new ConcurrentHashMap<>();
    // ISO 4217 as the JDK knows it, without XXX ("no currency") and XTS ("reserved for testing")
    private static final Set<String> ISO_4217 = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .filter(code -> !code.equals("XXX") && !code.equals("XTS"))
            .collect(Collectors.toUnmodifiableSet());

    private FeeTypeCodes() {
    }

    /**
     * Returns {@code code} when it has the shape of a fee type code (three upper-case ASCII letters),
     * else throws a validation error naming {@code field}. Does not check the catalog.
     */
    public static String check(String field, String code) {
        if (code == null || code.isBlank()) {
            throw ValidationException.missing(field);
        }
        if (!isWellFormed(code)) {
            throw ValidationException.invalid(field, code, "must be a three-letter upper-case currency code");
        }
        return code;
    }

    /** Whether {@code code} consists of exactly three upper-case ASCII letters. */
    public static boolean isWellFormed(String code) {
        if (code.length() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            char c = code.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code code} is a currency of ISO 4217 as the JDK lists it (CNY, HKD, USD, JPY…), not
     * counting {@code XXX} (no currency) and {@code XTS} (testing). A fee type of the host's own that ISO
     * does not list is known only through the host's {@link FeeTypeCatalog}.
     */
    public static boolean isIso4217(String code) {
        return code != null && ISO_4217.contains(code);
    }

    /** The minor digits of a well-formed code: ISO 4217's, or 2 for a code ISO does not list. */
    public static int minorDigits(String code) {
        Integer cached = DIGITS.get(code);
        if (cached != null) {
            return cached;
        }
        return DIGITS.computeIfAbsent(code, FeeTypeCodes::lookupDigits);
    }

    private static int lookupDigits(String code) {
        try {
            int digits = Currency.getInstance(code).getDefaultFractionDigits();
            return digits < 0 ? 0 : digits;
        } catch (IllegalArgumentException notIso) {
            return 2;
        }
    }
}
