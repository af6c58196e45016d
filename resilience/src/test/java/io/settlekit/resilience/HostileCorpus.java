package io.settlekit.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * A corpus of hostile inputs kept as JSON lines under {@code src/test/resources/hostile/}: each line names
 * the case (and, in corpora of several wire shapes, its {@code type}), holds the raw input as a JSON string,
 * and the error {@code code} and {@code field} expected.
 */
final class HostileCorpus {
    private HostileCorpus() {
    }

    /** One case of a corpus: {@code type} names the wire shape for corpora of several shapes (else empty). */
    record Case(String name, String type, String input, String code, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The cases of {@code hostile/<file>}, as JUnit arguments named by the case. */
    static Stream<Arguments> arguments(String file) {
        return load(file).stream().map(c -> Arguments.of(c));
    }

    /** The cases of {@code hostile/<file>}. */
    static List<Case> load(String file) {
        ObjectMapper mapper = new ObjectMapper();
        try (InputStream in = HostileCorpus.class.getResourceAsStream("/hostile/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing corpus hostile/" + file);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Case> cases = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    JsonNode node = mapper.readTree(line);
                    cases.add(new Case(node.get("name").asText(), node.path("type").asText(""), node.get("input").asText(),
                            node.get("code").asText(), node.get("field").asText()));
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
