package io.settlekit.arch;

import io.settlekit.testkit.arch.PublicApi;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** This module's public API is the checked-in {@code api/public-api.txt}: every change to it shows in review. */
class PublicApiTest {
    @Test
    void thePublicApiIsTheCheckedInOne() {
        PublicApi.assertUnchanged(Path.of("target", "classes"), Path.of("api", "public-api.txt"));
    }
}
