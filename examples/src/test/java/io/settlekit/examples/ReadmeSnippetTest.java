package io.settlekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The README's code samples are quoted from compiled sources, so they cannot rot unnoticed. */
class ReadmeSnippetTest {

    @Test
    void theHostWiringSampleIsTheCompiledOne() throws IOException {
        assertQuoted("HostWiring", "host-wiring");
    }

    @Test
    void theReconcileWiringSampleIsTheCompiledOne() throws IOException {
        assertQuoted("ReconcileWiring", "reconcile-wiring");
    }

    @Test
    void theBalanceWiringSamplesAreTheCompiledOnes() throws IOException {
        assertQuoted("BalanceWiring", "balance-wiring");
        assertQuoted("BalanceWiring", "balance-nightly");
        assertQuoted("BalanceWiring", "balance-refresh");
    }

    @Test
    void theSettlekitJavadocExampleIsTheStartOfTheCompiledHostWiring() throws IOException {
        String builder = Files.readString(Path.of("../core/src/main/java/io/settlekit/Settlekit.java"), StandardCharsets.UTF_8);
        String source = Files.readString(Path.of("src/main/java/io/settlekit/examples/HostWiring.java"), StandardCharsets.UTF_8);
        Matcher javadoc = Pattern.compile("<pre>\\{@code\\n(.*?)\\n \\* }</pre>", Pattern.DOTALL).matcher(builder);
        Matcher snippet = Pattern.compile("// snippet:host-wiring\\n(.*?)\\n\\s*// end-snippet", Pattern.DOTALL).matcher(source);
        assertThat(javadoc.find()).as("Settlekit's class comment has a code example").isTrue();
        assertThat(snippet.find()).isTrue();
        String example = javadoc.group(1).replaceAll("(?m)^ \\* ?", "").strip();

        assertThat(snippet.group(1).stripIndent().strip()).as("the Javadoc example is compiled code (HostWiring)").startsWith(example);
    }

    private static void assertQuoted(String className, String name) throws IOException {
        String source = Files.readString(Path.of("src/main/java/io/settlekit/examples/" + className + ".java"), StandardCharsets.UTF_8);
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);

        Matcher snippet = Pattern.compile("// snippet:" + name + "\\n(.*?)\\n\\s*// end-snippet", Pattern.DOTALL).matcher(source);
        assertThat(snippet.find()).as(className + ".java has a marked snippet").isTrue();
        String code = snippet.group(1).stripIndent().strip();

        assertThat(readme).as("README quotes " + className + "'s snippet verbatim (de-indented)").contains(code);
    }
}
