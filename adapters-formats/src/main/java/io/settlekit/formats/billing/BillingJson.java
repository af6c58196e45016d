package io.settlekit.formats.billing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.settlekit.formats.wire.WireValues;
import io.settlekit.billing.Bill;
import io.settlekit.billing.LedgerOrder;
import io.settlekit.billing.Period;
import io.settlekit.billing.Plan;
import io.settlekit.billing.UnpaidList;

import java.io.IOException;
import java.util.List;

/** The serializers and deserializers of {@link BillingJacksonModule}. */
final class BillingJson {
    private BillingJson() {
    }

    static final class PlanSerializer extends StdSerializer<Plan> {
        private static final long serialVersionUID = 1L;

        PlanSerializer() {
            super(Plan.class);
        }

        @Override
        public void serialize(Plan plan, JsonGenerator gen, SerializerProvider provider) throws IOException {
            PlanWire.write(plan, gen);
        }
    }

    static final class PlanDeserializer extends StdDeserializer<Plan> {
        private static final long serialVersionUID = 1L;

        PlanDeserializer() {
            super(Plan.class);
        }

        @Override
        public Plan deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = WireValues.tree(parser, context, "plan");
            return PlanWire.read(node, "");
        }
    }

    static final class OrderDeserializer extends StdDeserializer<LedgerOrder> {
        private static final long serialVersionUID = 1L;

        OrderDeserializer() {
            super(LedgerOrder.class);
        }

        @Override
        public LedgerOrder deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return OrderWire.read(WireValues.tree(parser, context, "order"), "");
        }
    }

    /** {@code {"begin":"2017-09-05","end":"2017-10-04","settle":"2017-10-10"}}. */
    static final class PeriodSerializer extends StdSerializer<Period> {
        private static final long serialVersionUID = 1L;

        PeriodSerializer() {
            super(Period.class);
        }

        @Override
        public void serialize(Period period, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("begin", period.begin().toString());
            gen.writeStringField("end", period.end().toString());
            gen.writeStringField("settle", period.settle().toString());
            gen.writeEndObject();
        }
    }

    /** The seed's {@code bill_info}, amounts in fen, {@code MM-dd} dates with ISO dates alongside. */
    static final class BillSerializer extends StdSerializer<Bill> {
        private static final long serialVersionUID = 1L;

        BillSerializer() {
            super(Bill.class);
        }

        @Override
        public void serialize(Bill bill, JsonGenerator gen, SerializerProvider provider) throws IOException {
            Period period = bill.period();
            gen.writeStartObject();
            gen.writeNumberField("pay_price", bill.pay().fen());
            gen.writeNumberField("history_pay_price", bill.historyUnpaid().fen());
            gen.writeNumberField("paid_price", bill.paid().fen());
            gen.writeNumberField("total_price", bill.total().fen());
            gen.writeStringField("fee_type", bill.feeType());
            PlanWire.writeCycleFields(bill.plan().cycle(), gen);
            gen.writeStringField("bill_begin_date", SeedDates.monthDay(period.begin()));
            gen.writeStringField("bill_end_date", SeedDates.monthDay(period.end()));
            gen.writeStringField("bill_settle_date", SeedDates.monthDay(period.settle()));
            gen.writeStringField("bill_begin_date_iso", period.begin().toString());
            gen.writeStringField("bill_end_date_iso", period.end().toString());
            gen.writeStringField("bill_settle_date_iso", period.settle().toString());
            gen.writeEndObject();
        }
    }

    /** The seed's {@code unpaid_list}, with its Chinese display dates and ISO dates alongside. */
    static final class UnpaidListSerializer extends StdSerializer<UnpaidList> {
        private static final long serialVersionUID = 1L;

        UnpaidListSerializer() {
            super(UnpaidList.class);
        }

        @Override
        public void serialize(UnpaidList list, JsonGenerator gen, SerializerProvider provider) throws IOException {
            Period period = list.period();
            gen.writeStartObject();
            if (list.merchantName().isPresent()) {
                gen.writeStringField("resname", list.merchantName().get());
            }
            gen.writeStringField("fee_type", list.feeType());
            gen.writeStringField("settle_time", SeedDates.deadline(list.deadline()));
            gen.writeStringField("settle_date", list.deadline().toString());
            gen.writeStringField("current_settle", SeedDates.range(period.begin(), period.end()));
            gen.writeStringField("current_begin", period.begin().toString());
            gen.writeStringField("current_end", period.end().toString());
            gen.writeStringField("history_settle", SeedDates.before(period.begin()));
            gen.writeStringField("history_before", period.begin().toString());
            writeOrders("current_orders", list.currentOrders(), gen);
            writeOrders("history_orders", list.historyOrders(), gen);
            gen.writeEndObject();
        }

        private static void writeOrders(String name, List<LedgerOrder> orders, JsonGenerator gen) throws IOException {
            gen.writeArrayFieldStart(name);
            for (LedgerOrder order : orders) {
                gen.writeStartObject();
                gen.writeStringField("create_time", SeedDates.orderDay(order.date()));
                gen.writeStringField("date", order.date().toString());
                gen.writeStringField("order_id", order.id());
                gen.writeNumberField("status", order.status());
                gen.writeNumberField("total_pay", order.amount().fen());
                gen.writeNumberField("unpaid", order.unpaid().fen());
                gen.writeEndObject();
            }
            gen.writeEndArray();
        }
    }
}
