package io.settlekit.money;

import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.UnknownCurrencyException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.javamoney.moneta.CurrencyUnitBuilder;

/**
 * A cache in front of {@link Monetary#getCurrency(String...)}, which is slow beside a map lookup on every
 * call.
 */
final class MonetaryCurrencies {
    private static final ConcurrentMap<String, CurrencyUnit> UNITS = new ConcurrentHashMap<>();

    private MonetaryCurrencies() {
    }

    static CurrencyUnit get(String code) {
        CurrencyUnit unit = UNITS.get(code);
        return unit != null ? unit : UNITS.computeIfAbsent(code, MonetaryCurrencies::lookup);
    }

    private static CurrencyUnit lookup(String code) {
        try {
            return Monetary.getCurrency(code);
        } catch (UnknownCurrencyException notIso) {
            // a host catalog may list a code ISO 4217 does not; give it the SDK's minor digits
            return CurrencyUnitBuilder.of(code, "settlekit")
                    .setDefaultFractionDigits(FeeTypeCodes.minorDigits(code))
                    .build();
        }
    }
}
