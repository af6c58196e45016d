package io.settlekit.examples.cli;

import picocli.CommandLine;

/**
 * The {@code settlekit} command's version, from the jar's manifest ({@code Implementation-Version}, written
 * by the build); {@code development} when run from classes rather than the packaged jar. Thread-safe:
 * stateless.
 */
public final class Version implements CommandLine.IVersionProvider {
    /** The version text, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String text() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"settlekit " + text()};
    }
}
