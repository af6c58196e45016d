package io.settlekit.formats.json;

import com.fasterxml.jackson.databind.module.SimpleModule;
import io.settlekit.money.Amount;
import io.settlekit.money.CurrencyTotals;

/**
 * The hosts' existing JSON wire shapes, as a Jackson module: fee type list items, rate items, amounts in
 * fen with their fee type, and per-currency totals. Register it on the host's own {@code ObjectMapper},
 * or use {@link SettlekitJson#newMapper()} which also turns off Jackson's exception wrapping so that the
 * SDK's typed errors reach the caller unchanged.
 *
 * <p>Thread-safe: registers stateless serializers; configure it before the mapper is shared, as Jackson requires.
 */
public final class SettlekitJacksonModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** The module with every serializer and deserializer of the money context. */
    public SettlekitJacksonModule() {
        super("settlekit-money");
        addSerializer(Amount.class, new AmountJson.Serializer());
        addDeserializer(Amount.class, new AmountJson.Deserializer());
        addSerializer(CurrencyTotals.class, new CurrencyTotalsJson.Serializer());
        addDeserializer(CurrencyTotals.class, new CurrencyTotalsJson.Deserializer());
        addSerializer(FeeTypeItem.class, new WireItemsJson.FeeTypeItemSerializer());
        addDeserializer(FeeTypeItem.class, new WireItemsJson.FeeTypeItemDeserializer());
        addSerializer(RateItem.class, new WireItemsJson.RateItemSerializer());
        addDeserializer(RateItem.class, new WireItemsJson.RateItemDeserializer());
    }
}
