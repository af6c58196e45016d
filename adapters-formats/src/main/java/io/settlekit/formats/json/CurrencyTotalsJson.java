package io.settlekit.formats.json;

import io.settlekit.formats.wire.WireValues;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.settlekit.money.CurrencyTotals;
import io.settlekit.money.FeeTypeCodes;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/** {@link CurrencyTotals} as {@code {"CNY": 12300, "HKD": 4500}}, fen per currency in code order. */
final class CurrencyTotalsJson {
    private CurrencyTotalsJson() {
    }

    static CurrencyTotals read(JsonNode node) {
        CurrencyTotals.Builder totals = CurrencyTotals.builder();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            String code = fields.next().getKey();
            totals.add(FeeTypeCodes.check("totals", code), WireValues.fen(node, code));
        }
        return totals.build();
    }

    static final class Serializer extends StdSerializer<CurrencyTotals> {
        private static final long serialVersionUID = 1L;

        Serializer() {
            super(CurrencyTotals.class);
        }

        @Override
        public void serialize(CurrencyTotals totals, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            for (Map.Entry<String, Long> total : totals.asMap().entrySet()) {
                gen.writeNumberField(total.getKey(), total.getValue());
            }
            gen.writeEndObject();
        }
    }

    static final class Deserializer extends StdDeserializer<CurrencyTotals> {
        private static final long serialVersionUID = 1L;

        Deserializer() {
            super(CurrencyTotals.class);
        }

        @Override
        public CurrencyTotals deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return read(WireValues.object(parser, context, "totals"));
        }
    }
}
