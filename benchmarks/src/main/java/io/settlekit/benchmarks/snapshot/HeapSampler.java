package io.settlekit.benchmarks.snapshot;

import java.lang.management.ManagementFactory;

/** The largest heap in use right after a full GC, over the samples taken (the live set, not garbage). */
final class HeapSampler {
    private long peak;

    /** Collects garbage and records the heap in use. */
    void sample() {
        System.gc();
        peak = Math.max(peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    /** The largest live heap sampled, in bytes. */
    long peak() {
        return peak;
    }
}
