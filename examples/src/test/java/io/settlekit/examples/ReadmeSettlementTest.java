package io.settlekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The README's settlement samples and DDL are the compiled and tested ones. */
class ReadmeSettlementTest {

    private static String readme() throws IOException {
        return Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"settlement-wiring", "tencent-sms"})
    void theSettlementSamplesAreTheCompiledOnes(String name) throws IOException {
        String source = Files.readString(Path.of("src/main/java/io/settlekit/examples/BillingWiring.java"), StandardCharsets.UTF_8);

        Matcher snippet = Pattern.compile("// snippet:" + name + "\\n(.*?)\\n\\s*// end-snippet", Pattern.DOTALL).matcher(source);
        assertThat(snippet.find()).as("BillingWiring.java has a snippet " + name).isTrue();

        assertThat(readme()).contains(snippet.group(1).stripIndent().strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"settlement-reminder-log.sql", "settlement-ledger.sql"})
    void theDocumentedTablesAreTheTestedOnes(String file) throws IOException {
        String ddl = Files.readString(Path.of("../adapters-mysql/src/test/resources/ddl", file), StandardCharsets.UTF_8);

        assertThat(readme()).contains(ddl.strip());
    }
}
