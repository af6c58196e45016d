package io.settlekit.files;

import io.settlekit.reconcile.SettlementInput;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The fixture files (copied from the shared fixtures into test resources) and edited variants of them. */
public final class SampleFiles {
    public static final String STL = "STL-20250314.01.009.CSV";
    public static final String AFTERPAY = "afterpay-settlement-20250314-AU-synthetic.csv";

    private SampleFiles() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = SampleFiles.class.getResourceAsStream("/settlement-files/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    public static SettlementInput input(String name) {
        return input(name, bytes(name));
    }

    public static SettlementInput input(String name, String content) {
        return input(name, content.getBytes(StandardCharsets.UTF_8));
    }

    public static SettlementInput input(String name, byte[] content) {
        return new SettlementInput(name, () -> new ByteArrayInputStream(content));
    }
}
