package io.settlekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.examples.rules.RulesRunner;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The refresh op of the rules runner: one shared limiter per process, each request at its own instant. */
class RulesRunnerRefreshTest {
    private final RulesRunner runner = new RulesRunner();

    private static String refresh(String at, String user, boolean admin, int max) {
        return "{\"op\":\"refresh\",\"at\":\"" + at + "\",\"zone\":\"Asia/Shanghai\",\"user\":\"" + user + "\",\"admin\":" + admin + ",\"max\":" + max + "}";
    }

    @Test
    void answersAsTheIssueShows() {
        assertThat(runner.answer(refresh("2026-11-21T10:00:00+08:00", "u1", false, 1)))
                .isEqualTo("{\"allowed\":true,\"remaining\":0,\"resets_at\":\"2026-11-21T23:59:59.999+08:00\"}");
    }

    @Test
    void requestsShareOneLimiterAndEachIsEvaluatedAtItsOwnInstant() {
        assertThat(runner.answer(refresh("2026-11-21T10:00:00+08:00", "u1", false, 1))).contains("\"allowed\":true");
        assertThat(runner.answer(refresh("2026-11-21T23:59:59.999+08:00", "u1", false, 1)))
                .isEqualTo("{\"allowed\":false,\"remaining\":0,\"resets_at\":\"2026-11-21T23:59:59.999+08:00\",\"message\":\"no refreshes left today\"}");
        assertThat(runner.answer(refresh("2026-11-21T16:00:00Z", "u1", false, 1)))
                .as("midnight in Shanghai").isEqualTo("{\"allowed\":true,\"remaining\":0,\"resets_at\":\"2026-11-22T23:59:59.999+08:00\"}");
        assertThat(runner.answer(refresh("2026-11-21T11:00:00+08:00", "u2", false, 2)))
                .isEqualTo("{\"allowed\":true,\"remaining\":1,\"resets_at\":\"2026-11-21T23:59:59.999+08:00\"}");
    }

    @Test
    void adminsAreNotLimited() {
        for (int i = 0; i < 3; i++) {
            assertThat(runner.answer(refresh("2026-11-21T10:00:00+08:00", "root", true, 1)))
                    .isEqualTo("{\"allowed\":true,\"remaining\":1,\"resets_at\":\"2026-11-21T23:59:59.999+08:00\"}");
        }
    }

    @Test
    void aBatchOfLinesSharesTheLimiter() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String input = refresh("2026-11-21T10:00:00+08:00", "u1", false, 1) + "\n" + refresh("2026-11-21T10:05:00+08:00", "u1", false, 1) + "\n";

        new RulesRunner().run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8).split("\n"))
                .extracting(line -> line.substring(0, line.indexOf(',')))
                .containsExactly("{\"allowed\":true", "{\"allowed\":false");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"op\":\"refresh\",\"user\":\"u1\"} | missing_field | at",
            "{\"op\":\"refresh\",\"at\":\"2026-11-21 10:00\",\"user\":\"u1\"} | invalid_value | at",
            "{\"op\":\"refresh\",\"at\":\"2026-11-21T10:00:00+08:00\"} | missing_field | user",
            "{\"op\":\"refresh\",\"at\":\"2026-11-21T10:00:00+08:00\",\"user\":\"u1\",\"zone\":\"Mars/Olympus\"} | invalid_value | zone",
            "{\"op\":\"refresh\",\"at\":\"2026-11-21T10:00:00+08:00\",\"user\":\"u1\",\"max\":-1} | invalid_value | max",
            "{\"op\":\"refresh\",\"at\":\"2026-11-21T10:00:00+08:00\",\"user\":\"u1\",\"max\":1.5} | invalid_value | max",
            "{\"op\":\"refresh\",\"at\":\"2026-11-21T10:00:00+08:00\",\"user\":\"u1\",\"admin\":\"yes\"} | invalid_value | admin",
    })
    void badRequestsAnswerATypedErrorNamingTheField(String request, String code, String field) {
        assertThat(runner.answer(request)).startsWith("{\"error\":{\"code\":\"" + code + "\",\"field\":\"" + field + "\",");
    }
}
