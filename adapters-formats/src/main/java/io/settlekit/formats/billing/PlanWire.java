package io.settlekit.formats.billing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;
import io.settlekit.billing.Cycle;
import io.settlekit.billing.Plan;
import io.settlekit.billing.SettleRemind;

import java.io.IOException;

/**
 * A settlement plan on the wire (rule R5.9 of docs/rules.md): {@code pay_method} 1–4, {@code begin_day},
 * {@code settle_day}, {@code cycle_length}, {@code delay_day}, {@code effective_date} {@code yyyy-MM-dd} and
 * {@code settle_remind} (-1 off, 1–7).
 *
 * <p>Reading accepts both forms of a custom plan: the new one with {@code cycle_length} and
 * {@code delay_day}, and the old edit endpoint's, which carries the length in {@code begin_day} and the
 * delay in {@code settle_day}; when {@code cycle_length} is present the new form is used. Daily plans
 * ignore the day fields. Writing gives the fields that apply to the cycle, and for a custom plan also the
 * old form's {@code begin_day}/{@code settle_day}, so old clients keep reading it.
 *
 * <p>Thread-safe: static conversions of their arguments, no state.
 */
public final class PlanWire {
    private PlanWire() {
    }

    /** Reads a plan object; errors name {@code prefix + field}, e.g. {@code plans[0].begin_day}. */
    public static Plan read(JsonNode node, String prefix) {
        WireFields.object(node, prefix, "plan");
        int payMethod = WireFields.integer(node, "pay_method", prefix + "pay_method");
        Cycle cycle = switch (payMethod) {
            case 1 -> new Cycle.Daily();
            case 2 -> new Cycle.Weekly(day(node, "begin_day", prefix, 1, 7), day(node, "settle_day", prefix, 1, 7));
            case 3 -> new Cycle.Monthly(day(node, "begin_day", prefix, 1, 31), day(node, "settle_day", prefix, 1, 31));
            case 4 -> WireFields.has(node, "cycle_length")
                    ? new Cycle.Custom(day(node, "cycle_length", prefix, 1, 365), day(node, "delay_day", prefix, 0, 365))
                    : new Cycle.Custom(day(node, "begin_day", prefix, 1, 365), day(node, "settle_day", prefix, 0, 365));
            default -> throw ValidationException.invalid(prefix + "pay_method", payMethod,
                    "must be 1 (daily), 2 (weekly), 3 (monthly) or 4 (custom)");
        };
        return new Plan(cycle, WireFields.date(node, "effective_date", prefix + "effective_date"), remind(node, prefix));
    }

    /** Writes a plan object. */
    public static void write(Plan plan, JsonGenerator gen) throws IOException {
        gen.writeStartObject();
        writeCycleFields(plan.cycle(), gen);
        gen.writeStringField("effective_date", plan.effectiveDate().toString());
        gen.writeNumberField("settle_remind", plan.remind().wireValue());
        gen.writeEndObject();
    }

    /** Writes {@code pay_method} and the day fields that apply to the cycle, into the current object. */
    public static void writeCycleFields(Cycle cycle, JsonGenerator gen) throws IOException {
        gen.writeNumberField("pay_method", cycle.payMethod());
        if (cycle instanceof Cycle.Weekly weekly) {
            gen.writeNumberField("begin_day", weekly.beginDay());
            gen.writeNumberField("settle_day", weekly.settleDay());
        } else if (cycle instanceof Cycle.Monthly monthly) {
            gen.writeNumberField("begin_day", monthly.beginDay());
            gen.writeNumberField("settle_day", monthly.settleDay());
        } else if (cycle instanceof Cycle.Custom custom) {
            gen.writeNumberField("begin_day", custom.cycleLength());
            gen.writeNumberField("settle_day", custom.delayDays());
            gen.writeNumberField("cycle_length", custom.cycleLength());
            gen.writeNumberField("delay_day", custom.delayDays());
        }
    }

    private static int day(JsonNode node, String name, String prefix, int min, int max) {
        return Checks.inRange(prefix + name, WireFields.integer(node, name, prefix + name), min, max);
    }

    private static SettleRemind remind(JsonNode node, String prefix) {
        String field = prefix + "settle_remind";
        int value = WireFields.integer(node, "settle_remind", field);
        if (value == -1) {
            return SettleRemind.OFF;
        }
        if (value < 1 || value > 7) {
            throw ValidationException.invalid(field, value, "must be -1 (off) or 1 to 7 days before the settle date");
        }
        return SettleRemind.daysBefore(value);
    }
}
