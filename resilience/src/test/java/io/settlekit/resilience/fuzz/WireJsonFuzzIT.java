package io.settlekit.resilience.fuzz;

import static io.settlekit.resilience.fuzz.FuzzChecks.check;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.settlekit.formats.json.FeeTypeItem;
import io.settlekit.formats.json.RateItem;
import io.settlekit.formats.json.ReceivableJsonLines;
import io.settlekit.formats.json.SettlekitJson;
import io.settlekit.money.Amount;
import io.settlekit.money.CurrencyTotals;
import io.settlekit.money.FeeTypeCodes;
import io.settlekit.reconcile.Receivable;
import io.settlekit.billing.LedgerOrder;
import io.settlekit.billing.Plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * Coverage-guided fuzzing of the JSON wire readers ({@code SettlekitJson.newMapper()} with the Settlekit
 * Jackson modules, and {@link ReceivableJsonLines}). The last input byte picks the shape (see
 * {@link #SHAPES}; one more index reads the rest as a whole receivables JSON-lines file), the rest is the document. A document either reads or gives a typed error; a value
 * that reads has well-formed currency codes and survives a write-then-read round trip unchanged.
 * Seeds ({@code WireJsonFuzzITInputs/wireDocument/}) are the hostile wire corpus plus one well-formed
 * document per shape.
 */
class WireJsonFuzzIT {
    /** Shapes by index: the seed files end with this index as one byte. */
    static final List<Class<?>> SHAPES = List.of(Amount.class, CurrencyTotals.class, RateItem.class, FeeTypeItem.class,
            Plan.class, LedgerOrder.class, Receivable.class);

    private final ObjectMapper mapper = SettlekitJson.newMapper();

    @FuzzTest(maxDuration = "20s")
    void wireDocument(FuzzedDataProvider data) {
        int index = data.consumeInt(0, SHAPES.size());
        String json = data.consumeRemainingAsString();
        if (index == SHAPES.size()) {
            receivableLines(json);
            return;
        }
        Class<?> shape = SHAPES.get(index);
        FuzzChecks.typedOrParsed(() -> {
            if (shape == Receivable.class) {
                FuzzChecks.currency(new ReceivableJsonLines().parse("receivables.jsonl", 1, json).amount());
                return;
            }
            Object read = SettlekitJson.read(mapper, json, shape);
            check(read != null, "a " + shape.getSimpleName() + " read as null");
            invariants(read);
        });
    }

    /** A whole receivables file: the count read equals the receivables handed out, each with a well-formed currency. */
    private static void receivableLines(String file) {
        List<Receivable> read = new java.util.ArrayList<>();
        FuzzChecks.typedOrParsed(() -> {
            read.clear();
            long count = new ReceivableJsonLines().read("receivables.jsonl", new java.io.BufferedReader(new java.io.StringReader(file)), read::add);
            check(count == read.size(), "read says " + count + " receivables, handed out " + read.size());
            read.forEach(receivable -> FuzzChecks.currency(receivable.amount()));
        });
    }

    private void invariants(Object read) {
        if (read instanceof Amount amount) {
            FuzzChecks.currency(amount);
        } else if (read instanceof CurrencyTotals totals) {
            totals.feeTypes().forEach(code -> check(FeeTypeCodes.isWellFormed(code), "totals key '" + code + "'"));
        } else if (read instanceof RateItem rate) {
            check(FeeTypeCodes.isWellFormed(rate.from()) && FeeTypeCodes.isWellFormed(rate.to()), "rate " + rate);
            check(rate.value().compareTo(BigDecimal.ZERO) > 0, "rate value " + rate.value());
        } else if (read instanceof LedgerOrder order) {
            FuzzChecks.currency(order.amount());
            return; // read-only shape: no serializer
        }
        roundTrip(read);
    }

    /** What was read, written back and read again, is equal to itself. */
    private void roundTrip(Object read) {
        try {
            String written = mapper.writeValueAsString(read);
            Object again = SettlekitJson.read(mapper, written, read.getClass());
            check(again.equals(read), read.getClass().getSimpleName() + " round trip: " + read + " -> " + written + " -> " + again);
        } catch (JsonProcessingException e) {
            throw new AssertionError("cannot write back " + read, e);
        }
    }
}
