package io.settlekit.examples.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.settlekit.Settlekit;
import io.settlekit.base.ValidationException;
import io.settlekit.access.Actor;
import io.settlekit.currency.CustomerRef;
import io.settlekit.formats.json.SettlekitJson;
import io.settlekit.formats.wire.WireValues;
import io.settlekit.money.Amount;
import io.settlekit.money.CurrencyTotals;
import io.settlekit.currency.CurrencyRules;
import io.settlekit.money.FeeType;
import io.settlekit.money.FeeTypeCatalog;
import io.settlekit.money.FeeTypeCodes;
import io.settlekit.money.memory.InMemoryFeeRateStore;
import io.settlekit.money.RateBook;
import io.settlekit.money.memory.InMemoryFeeTypeStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The money ops: {@code convert}, {@code total} and {@code order_fee_type}. Each request carries its own
 * rates, so requests are independent of each other.
 */
final class MoneyOps {
    private static final Actor RUNNER = Actor.admin("rules-runner");
    private static final Instant EPOCH_OF_REQUEST_RATES = Instant.EPOCH;

    private final ObjectMapper mapper;

    MoneyOps(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Map<String, RuleOp> ops() {
        return Map.of("convert", this::convert, "total", this::total, "order_fee_type", this::orderFeeType);
    }

    /** {@code {"op":"convert","rates":[…],"station":"T1","amount":{…},"to":"CNY"}} → {@code {"amount":{…}}}. */
    private ObjectNode convert(JsonNode request) {
        Amount amount = SettlekitJson.read(mapper, required(request, "amount"), Amount.class);
        String to = FeeTypeCodes.check("to", WireValues.text(request, "to"));
        String station = WireValues.text(request, "station");
        Amount converted = rateBookOf(request).convert(amount, to, station);
        ObjectNode answer = mapper.createObjectNode();
        answer.set("amount", mapper.valueToTree(converted));
        return answer;
    }

    /** {@code {"op":"total","amounts":[…]}} → {@code {"totals":{…}}}, plus {@code "converted"} with {@code "to"}. */
    private ObjectNode total(JsonNode request) {
        JsonNode amounts = required(request, "amounts");
        if (!amounts.isArray()) {
            throw ValidationException.invalid("amounts", amounts.toString(), "must be an array");
        }
        CurrencyTotals.Builder builder = CurrencyTotals.builder();
        for (JsonNode item : amounts) {
            builder.add(SettlekitJson.read(mapper, item, Amount.class));
        }
        CurrencyTotals totals = builder.build();
        ObjectNode answer = mapper.createObjectNode();
        answer.set("totals", mapper.valueToTree(totals));
        if (request.hasNonNull("to")) {
            String to = FeeTypeCodes.check("to", WireValues.text(request, "to"));
            String station = WireValues.text(request, "station");
            answer.set("converted", mapper.valueToTree(rateBookOf(request).convert(totals, to, station)));
        }
        return answer;
    }

    /** {@code {"op":"order_fee_type","customer":"HKD","lines":["HKD","HKD"]}} → {@code {"fee_type":"HKD"}}. */
    private ObjectNode orderFeeType(JsonNode request) {
        String customerFeeType = WireValues.feeTypeOrDefault(request, "customer");
        JsonNode lines = required(request, "lines");
        if (!lines.isArray()) {
            throw ValidationException.invalid("lines", lines.toString(), "must be an array of fee types");
        }
        List<String> lineFeeTypes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            if (line.isNull()) {
                lineFeeTypes.add(FeeTypeCodes.DEFAULT);
            } else if (!line.isTextual()) {
                throw ValidationException.invalid("lines[" + i + "]", line.toString(), "must be a fee type code");
            } else {
                lineFeeTypes.add(line.textValue());
            }
        }
        String decided = new CurrencyRules(catalog(List.of())).orderFeeType(new CustomerRef("request", customerFeeType), lineFeeTypes);
        ObjectNode answer = mapper.createObjectNode();
        answer.put("fee_type", decided);
        return answer;
    }

    /** A rate book holding exactly the request's {@code rates}, over a catalog of the ISO codes they mention. */
    private RateBook rateBookOf(JsonNode request) {
        JsonNode rates = required(request, "rates");
        if (!rates.isArray()) {
            throw ValidationException.invalid("rates", rates.toString(), "must be an array");
        }
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < rates.size(); i++) {
            codes.add(FeeTypeCodes.check("rates[" + i + "].from", WireValues.text(rates.get(i), "from")));
            codes.add(FeeTypeCodes.check("rates[" + i + "].to", WireValues.text(rates.get(i), "to")));
        }
        RateBook book = new RateBook(new InMemoryFeeRateStore(), catalog(codes),
                Clock.fixed(EPOCH_OF_REQUEST_RATES, Settlekit.DEFAULT_ZONE), Settlekit.DEFAULT_ZONE);
        for (int i = 0; i < rates.size(); i++) {
            JsonNode rate = rates.get(i);
            book.save(RUNNER, WireValues.text(rate, "station"), WireValues.text(rate, "from"),
                    WireValues.text(rate, "to"), WireValues.decimal(rate, "value"));
        }
        return book;
    }

    /**
     * A throwaway catalog listing CNY, HKD and those of {@code codes} that are ISO 4217 currencies:
     * the runner has no host catalog, and a made-up code ({@code ZZZ}) is refused by name, as a host's
     * catalog would.
     */
    private static FeeTypeCatalog catalog(List<String> codes) {
        List<FeeType> feeTypes = new ArrayList<>(List.of(FeeType.CNY, FeeType.HKD));
        codes.stream().distinct()
                .filter(code -> !code.equals("CNY") && !code.equals("HKD"))
                .filter(FeeTypeCodes::isIso4217)
                .forEach(code -> feeTypes.add(new FeeType(code, code, code, code)));
        return new FeeTypeCatalog(new InMemoryFeeTypeStore(feeTypes));
    }

    private static JsonNode required(JsonNode request, String field) {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            throw ValidationException.missing(field);
        }
        return node;
    }
}
