package io.settlekit.formats.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.reconcile.MalformedFileException;
import io.settlekit.money.Amount;
import io.settlekit.reconcile.Direction;
import io.settlekit.reconcile.Receivable;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ReceivableJsonLinesTest {
    private final ReceivableJsonLines reader = new ReceivableJsonLines();

    @Test
    void readsOneReceivablePerLine() {
        List<Receivable> read = new ArrayList<>();
        long count = reader.read("r.jsonl", new BufferedReader(new StringReader(
                "{\"reference\":\"ORD-1\",\"direction\":\"forward\",\"amount\":{\"fee\":8990,\"fee_type\":\"USD\"},\"time\":\"2025-03-14T07:14:22Z\"}\n\n"
                        + "{\"reference\":\"ORD-1\",\"direction\":\"reverse\",\"amount\":{\"fee\":100},\"time\":\"2025-03-14T15:14:22+08:00\"}\n")), read::add);

        assertThat(count).isEqualTo(2);
        assertThat(read).containsExactly(
                new Receivable("ORD-1", Direction.FORWARD, Amount.ofMinor("USD", 8990), Instant.parse("2025-03-14T07:14:22Z")),
                new Receivable("ORD-1", Direction.REVERSE, Amount.ofMinor("CNY", 100), Instant.parse("2025-03-14T07:14:22Z")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"reference\":\"A\",\"direction\":\"sideways\",\"amount\":{\"fee\":1},\"time\":\"2025-03-14T07:14:22Z\"} | direction",
            "{\"reference\":\"A\",\"direction\":\"forward\",\"amount\":{\"fee\":1.5},\"time\":\"2025-03-14T07:14:22Z\"} | fee",
            "{\"reference\":\"A\",\"direction\":\"forward\",\"amount\":{\"fee\":-1},\"time\":\"2025-03-14T07:14:22Z\"} | amount",
            "{\"direction\":\"forward\",\"amount\":{\"fee\":1},\"time\":\"2025-03-14T07:14:22Z\"} | reference",
            "{\"reference\":\"A\",\"direction\":\"forward\",\"amount\":{\"fee\":1},\"time\":\"yesterday\"} | time",
            "{\"reference\":\"A\",\"direction\":\"forward\",\"time\":\"2025-03-14T07:14:22Z\"} | amount",
            "{\"reference\":\"A\" | json",
    })
    void aBadLineNamesLineAndField(String line, String field) {
        assertThatThrownBy(() -> reader.read("r.jsonl", new BufferedReader(new StringReader("\n" + line + "\n")), r -> { }))
                .isInstanceOfSatisfying(MalformedFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(field);
                    assertThat(e.getMessage()).startsWith("r.jsonl line 2");
                });
    }
}
