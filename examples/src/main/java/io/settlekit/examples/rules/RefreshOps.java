package io.settlekit.examples.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.settlekit.Settlekit;
import io.settlekit.base.ValidationException;
import io.settlekit.access.Actor;
import io.settlekit.formats.wire.WireValues;
import io.settlekit.refresh.RefreshDecision;
import io.settlekit.refresh.RefreshLimiter;
import io.settlekit.refresh.memory.InMemoryDailyCounters;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/**
 * The refresh op: {@code {"op":"refresh","at":…,"zone":"Asia/Shanghai","user":"u1","admin":false,"max":1}}
 * → {@code {"allowed":true,"remaining":0,"resets_at":"2026-11-21T23:59:59.999+08:00"}} (a denied answer
 * adds {@code "message":"no refreshes left today"}). Every refresh request of one runner shares one set of
 * in-memory counters, and each is evaluated at its own {@code at}. {@code zone} defaults to Asia/Shanghai,
 * {@code admin} to false, {@code max} to 1.
 */
final class RefreshOps {
    private final ObjectMapper mapper;
    private final InMemoryDailyCounters counters = new InMemoryDailyCounters();

    RefreshOps(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Map<String, RuleOp> ops() {
        return Map.of("refresh", this::refresh);
    }

    private ObjectNode refresh(JsonNode request) {
        Instant at = instant(WireValues.text(request, "at"));
        ZoneId zone = zone(request);
        boolean admin = flag(request, "admin");
        int max = integer(request, "max", RefreshLimiter.DEFAULT_MAX);
        Actor actor = new Actor(WireValues.text(request, "user"), admin, Set.of());
        RefreshDecision decision = new RefreshLimiter(counters, Clock.fixed(at, zone), zone, max)
                .checkAt(actor, RefreshLimiter.BALANCE_REFRESH, at);
        ObjectNode answer = mapper.createObjectNode();
        answer.put("allowed", decision.allowed());
        answer.put("remaining", decision.remaining());
        answer.put("resets_at", decision.resetsAt().toOffsetDateTime().toString());
        if (!decision.allowed()) {
            answer.put("message", decision.message());
        }
        return answer;
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw ValidationException.invalid("at", text, "must be an ISO-8601 time with an offset, e.g. 2026-11-21T10:00:00+08:00");
        }
    }

    private static ZoneId zone(JsonNode request) {
        if (!request.hasNonNull("zone")) {
            return Settlekit.DEFAULT_ZONE;
        }
        String text = WireValues.text(request, "zone");
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw ValidationException.invalid("zone", text, "must be a time zone id such as Asia/Shanghai");
        }
    }

    private static boolean flag(JsonNode request, String name) {
        JsonNode node = request.get(name);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw ValidationException.invalid(name, node.toString(), "must be true or false");
        }
        return node.booleanValue();
    }

    private static int integer(JsonNode request, String name, int fallback) {
        JsonNode node = request.get(name);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw ValidationException.invalid(name, node.toString(), "must be an integer");
        }
        return node.intValue();
    }
}
