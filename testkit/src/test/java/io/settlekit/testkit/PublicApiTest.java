package io.settlekit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.testkit.arch.PublicApi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The testkit's and the core's public APIs are the checked-in {@code api/public-api.txt} of each (the core
 * cannot depend on the testkit, so its surface is checked here, from its compiled classes in the reactor).
 */
class PublicApiTest {

    @Test
    void theTestkitsPublicApiIsTheCheckedInOne() {
        PublicApi.assertUnchanged(Path.of("target", "classes"), Path.of("api", "public-api.txt"));
    }

    @Test
    void theCoresPublicApiIsTheCheckedInOne() {
        PublicApi.assertUnchanged(Path.of("..", "core", "target", "classes"), Path.of("..", "core", "api", "public-api.txt"));
    }

    @Test
    void theDumpShowsPublicMembersAndHidesTheRestAndAChangeFailsNamingIt(@TempDir Path copy) throws IOException {
        String core = PublicApi.dump(Path.of("..", "core", "target", "classes"));

        assertThat(core).contains("public final class io.settlekit.money.RateBook")
                .contains("  method public io.settlekit.money.Amount convert(io.settlekit.money.Amount, java.lang.String, java.lang.String)")
                .doesNotContain("ReminderJob$Candidate") // a private record
                .doesNotContain("lambda$");
        Path file = copy.resolve("public-api.txt");
        Files.writeString(file, core.replace("convert(io.settlekit.money.Amount,", "convertOld(io.settlekit.money.Amount,"));
        String update = System.clearProperty(PublicApi.UPDATE_PROPERTY); // this case compares, even in an update run
        try {
            assertThatThrownBy(() -> PublicApi.assertUnchanged(Path.of("..", "core", "target", "classes"), file))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("- ").hasMessageContaining("convertOld")
                    .hasMessageContaining("+ ").hasMessageContaining("-D" + PublicApi.UPDATE_PROPERTY + "=true");
        } finally {
            if (update != null) {
                System.setProperty(PublicApi.UPDATE_PROPERTY, update);
            }
        }
    }
}
