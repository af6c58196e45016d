package io.settlekit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlekit.testkit.logs.SensitiveOutputGuard;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The published testkit registers no JUnit extension: a host that turns on extension auto-detection does
 * not get the output guard (which fails a test class on any phone number in its output) unless it asks
 * for it. Settlekit's own modules opt in from their test resources.
 */
class OutputGuardOptInTest {
    private static final String EXTENSIONS = "META-INF/services/org.junit.jupiter.api.extension.Extension";

    @Test
    void theTestkitJarRegistersNoJupiterExtension() throws IOException {
        // where the testkit's main classes come from: target/classes here, the published jar on a host
        String testkit = SensitiveOutputGuard.class.getProtectionDomain().getCodeSource().getLocation().toString();
        List<String> registered = new ArrayList<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources(EXTENSIONS))) {
            if (url.toString().replace("jar:", "").startsWith(testkit)) {
                registered.add(url + ": " + read(url).strip());
            }
        }

        assertThat(registered).isEmpty();
    }

    private static String read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
