package io.settlekit.formats.json;

import io.settlekit.formats.wire.WireValues;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;

/** Serializers and deserializers of the list items {@link FeeTypeItem} and {@link RateItem}. */
final class WireItemsJson {
    private WireItemsJson() {
    }

    static final class FeeTypeItemSerializer extends StdSerializer<FeeTypeItem> {
        private static final long serialVersionUID = 1L;

        FeeTypeItemSerializer() {
            super(FeeTypeItem.class);
        }

        @Override
        public void serialize(FeeTypeItem item, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("symbol", item.symbol());
            gen.writeStringField("type", item.type());
            gen.writeStringField("name", item.name());
            gen.writeEndObject();
        }
    }

    static final class FeeTypeItemDeserializer extends StdDeserializer<FeeTypeItem> {
        private static final long serialVersionUID = 1L;

        FeeTypeItemDeserializer() {
            super(FeeTypeItem.class);
        }

        @Override
        public FeeTypeItem deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = WireValues.object(parser, context, "fee_type");
            return new FeeTypeItem(WireValues.text(node, "symbol"), WireValues.text(node, "type"), WireValues.text(node, "name"));
        }
    }

    static final class RateItemSerializer extends StdSerializer<RateItem> {
        private static final long serialVersionUID = 1L;

        RateItemSerializer() {
            super(RateItem.class);
        }

        @Override
        public void serialize(RateItem item, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("from_fee_type", item.from());
            gen.writeStringField("to_fee_type", item.to());
            gen.writeFieldName("value");
            gen.writeNumber(item.value().toPlainString());
            gen.writeEndObject();
        }
    }

    static final class RateItemDeserializer extends StdDeserializer<RateItem> {
        private static final long serialVersionUID = 1L;

        RateItemDeserializer() {
            super(RateItem.class);
        }

        @Override
        public RateItem deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = WireValues.object(parser, context, "rate");
            return new RateItem(WireValues.text(node, "from_fee_type"), WireValues.text(node, "to_fee_type"),
                    WireValues.decimal(node, "value"));
        }
    }
}
