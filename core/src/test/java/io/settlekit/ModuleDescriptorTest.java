package io.settlekit;

import io.settlekit.internal.Checks;
import io.settlekit.internal.Redact;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The core's module descriptor exports every API package and keeps the internal helpers to Settlekit's
 * own modules: a host on the module path cannot reach {@code Checks} or {@code Redact}.
 */
class ModuleDescriptorTest {

    private static ModuleDescriptor descriptor() {
        return ModuleFinder.of(Path.of("target", "classes")).find("io.settlekit.core")
                .orElseThrow(() -> new AssertionError("no module io.settlekit.core in target/classes"))
                .descriptor();
    }

    @Test
    void everyPackageButTheInternalOneIsExportedToEveryone() {
        ModuleDescriptor core = descriptor();
        Map<String, Set<String>> exports = core.exports().stream()
                .collect(Collectors.toMap(ModuleDescriptor.Exports::source, ModuleDescriptor.Exports::targets));

        Set<String> api = core.packages().stream().filter(p -> !p.equals("io.settlekit.internal")).collect(Collectors.toSet());
        assertThat(exports.keySet()).containsAll(api);
        api.forEach(p -> assertThat(exports.get(p)).as(p + " is exported to everyone").isEmpty());
        assertThat(exports.get("io.settlekit.internal")).as("internal is a qualified export")
                .isNotEmpty().allSatisfy(target -> assertThat(target).startsWith("io.settlekit."));
    }
}
