package io.settlekit.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.settlekit.examples.rules.RulesRunner;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile requests to the {@code rules} runner each answer the typed error naming the field; the batch goes on. */
class HostileRulesInputIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RulesRunner runner = new RulesRunner();

    static Stream<Arguments> rules() {
        return HostileCorpus.arguments("rules.jsonl");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void answersTheTypedErrorNamingTheField(HostileCorpus.Case hostile) throws Exception {
        JsonNode answer = JSON.readTree(runner.answer(hostile.input()));

        assertThat(answer.path("error").path("code").asText()).as(answer.toString()).isEqualTo(hostile.code());
        assertThat(answer.path("error").path("field").asText()).as(answer.toString()).isEqualTo(hostile.field());
        assertThat(answer.path("error").path("message").asText()).isNotBlank();
    }

    @Test
    void theCorpusIsLargeEnoughToMeanAndCoversEveryOp() {
        java.util.List<HostileCorpus.Case> cases = HostileCorpus.load("rules.jsonl");
        java.util.Set<String> ops = new java.util.TreeSet<>();
        for (HostileCorpus.Case hostile : cases) {
            try {
                ops.add(JSON.readTree(hostile.input()).path("op").asText(""));
            } catch (java.io.IOException notJson) {
                // the malformed-JSON cases name no op
            }
        }

        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
        assertThat(ops).contains("convert", "total", "order_fee_type", "calendar", "bill", "refresh");
    }
}
