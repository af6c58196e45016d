package io.settlekit.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Recorder;

/**
 * Closed-loop load: {@code clients} threads each call the operations in turn, back to back, for a fixed
 * time; latencies go to one HdrHistogram per operation, errors are counted and the first few kept.
 */
final class LoadDriver {
    private LoadDriver() {
    }

    /** What one operation did under load. */
    record OperationStats(String name, long calls, long errors, List<Throwable> firstErrors, long p50Micros, long p99Micros, long maxMicros) {
    }

    /** Runs {@code operations} (name to call) from {@code clients} threads for {@code duration}. */
    static Map<String, OperationStats> run(int clients, Duration duration, Map<String, Callable<?>> operations) throws Exception {
        List<String> names = new ArrayList<>(operations.keySet());
        Map<String, Recorder> recorders = new LinkedHashMap<>();
        Map<String, AtomicLong> errors = new LinkedHashMap<>();
        Map<String, List<Throwable>> firstErrors = new LinkedHashMap<>();
        for (String name : names) {
            recorders.put(name, new Recorder(3));
            errors.put(name, new AtomicLong());
            firstErrors.put(name, java.util.Collections.synchronizedList(new ArrayList<>()));
        }
        long deadline = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                int offset = client;
                workers.add(pool.submit(() -> {
                    for (long i = offset; System.nanoTime() < deadline; i++) {
                        String name = names.get((int) (i % names.size()));
                        long start = System.nanoTime();
                        try {
                            operations.get(name).call();
                            recorders.get(name).recordValue(Math.max(1, (System.nanoTime() - start) / 1_000));
                        } catch (Exception | AssertionError e) {
                            errors.get(name).incrementAndGet();
                            if (firstErrors.get(name).size() < 5) {
                                firstErrors.get(name).add(e);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(duration.toSeconds() + 60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, OperationStats> stats = new LinkedHashMap<>();
        for (String name : names) {
            var histogram = recorders.get(name).getIntervalHistogram();
            stats.put(name, new OperationStats(name, histogram.getTotalCount(), errors.get(name).get(),
                    List.copyOf(firstErrors.get(name)), histogram.getValueAtPercentile(50),
                    histogram.getValueAtPercentile(99), histogram.getMaxValue()));
        }
        return stats;
    }
}
