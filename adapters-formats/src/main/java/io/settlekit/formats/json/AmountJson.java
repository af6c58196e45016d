package io.settlekit.formats.json;

import io.settlekit.formats.wire.WireValues;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.settlekit.money.Amount;

import java.io.IOException;

/** {@link Amount} as {@code {"fee": 12300, "fee_type": "CNY"}}: fen as a JSON integer; no fee type means CNY. */
final class AmountJson {
    private AmountJson() {
    }

    static Amount read(JsonNode node) {
        return Amount.ofMinor(WireValues.feeTypeOrDefault(node, "fee_type"), WireValues.fen(node, "fee"));
    }

    static final class Serializer extends StdSerializer<Amount> {
        private static final long serialVersionUID = 1L;

        Serializer() {
            super(Amount.class);
        }

        @Override
        public void serialize(Amount amount, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeNumberField("fee", amount.fen());
            gen.writeStringField("fee_type", amount.feeType());
            gen.writeEndObject();
        }
    }

    static final class Deserializer extends StdDeserializer<Amount> {
        private static final long serialVersionUID = 1L;

        Deserializer() {
            super(Amount.class);
        }

        @Override
        public Amount deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return read(WireValues.object(parser, context, "amount"));
        }
    }
}
