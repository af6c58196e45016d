package io.settlekit.benchmarks.harness;

/**
 * A target of a path, what was measured against it, and whether it was met.
 *
 * @param target   the target as the issue states it
 * @param measured the measured ratio or figure
 * @param met      whether the target holds
 */
public record Verdict(String target, String measured, boolean met) {
}
