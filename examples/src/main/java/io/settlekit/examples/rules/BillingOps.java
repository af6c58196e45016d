package io.settlekit.examples.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.settlekit.base.ValidationException;
import io.settlekit.formats.billing.OrderWire;
import io.settlekit.formats.billing.PlanWire;
import io.settlekit.formats.billing.WireFields;
import io.settlekit.money.FeeTypeCodes;
import io.settlekit.billing.Bill;
import io.settlekit.billing.LedgerOrder;
import io.settlekit.billing.Period;
import io.settlekit.billing.Plan;
import io.settlekit.billing.BillingCalendar;
import io.settlekit.billing.UnpaidList;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settlement ops: {@code calendar} and {@code bill}. Each request carries the merchant's plans (wire
 * form, in save order) and the date, so requests are independent of each other.
 */
final class BillingOps {
    private final ObjectMapper mapper;

    BillingOps(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Map<String, RuleOp> ops() {
        return Map.of("calendar", this::calendar, "bill", this::bill);
    }

    /**
     * {@code {"op":"calendar","plans":[…],"date":"2017-09-28"}} →
     * {@code {"period":{…},"pending":{…},"deadline":"…","reminder":"…"|null}}: the period containing the date,
     * the pending period, the deadline of an order of that date, and the pending period's reminder date.
     */
    private ObjectNode calendar(JsonNode request) {
        BillingCalendar calendar = calendarOf(request);
        LocalDate date = WireFields.date(request, "date", "date");
        Period period = calendar.periodContaining(date);
        Period pending = calendar.pendingAt(date);
        ObjectNode answer = mapper.createObjectNode();
        answer.set("period", mapper.valueToTree(period));
        answer.set("pending", mapper.valueToTree(pending));
        answer.put("deadline", period.settle().toString());
        Optional<LocalDate> reminder = pending.reminderDate();
        if (reminder.isPresent()) {
            answer.put("reminder", reminder.get().toString());
        } else {
            answer.putNull("reminder");
        }
        return answer;
    }

    /**
     * {@code {"op":"bill","plans":[…],"date":"…","orders":[{"id","date","amount","paid","status"}…]}} (and
     * optionally the merchant's {@code fee_type}, default CNY, and {@code resname}) →
     * {@code {"bill_info":{…},"unpaid_list":{…}}}.
     */
    private ObjectNode bill(JsonNode request) {
        BillingCalendar calendar = calendarOf(request);
        LocalDate date = WireFields.date(request, "date", "date");
        String feeType = WireFields.optionalText(request, "fee_type", "fee_type")
                .map(code -> FeeTypeCodes.check("fee_type", code)).orElse(FeeTypeCodes.DEFAULT);
        Optional<String> name = WireFields.optionalText(request, "resname", "resname");
        List<LedgerOrder> orders = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        JsonNode items = array(request, "orders");
        for (int i = 0; i < items.size(); i++) {
            LedgerOrder order = OrderWire.read(items.get(i), "orders[" + i + "].");
            Integer first = seen.putIfAbsent(order.id(), i);
            if (first != null) {
                // the ledger has one row per order: a repeated id would count its amount twice
                throw ValidationException.invalid("orders[" + i + "].id", order.id(), "repeats orders[" + first + "].id");
            }
            orders.add(order);
        }
        ObjectNode answer = mapper.createObjectNode();
        answer.set("bill_info", mapper.valueToTree(Bill.of(calendar, feeType, orders, date)));
        answer.set("unpaid_list", mapper.valueToTree(UnpaidList.of(calendar, feeType, name, orders, date)));
        return answer;
    }

    private static BillingCalendar calendarOf(JsonNode request) {
        JsonNode items = array(request, "plans");
        if (items.isEmpty()) {
            throw ValidationException.missing("plans");
        }
        List<Plan> plans = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            plans.add(PlanWire.read(items.get(i), "plans[" + i + "]."));
        }
        return BillingCalendar.of(plans);
    }

    private static JsonNode array(JsonNode request, String field) {
        JsonNode node = WireFields.required(request, field, field);
        if (!node.isArray()) {
            throw ValidationException.invalid(field, node.toString(), "must be an array");
        }
        return node;
    }
}
