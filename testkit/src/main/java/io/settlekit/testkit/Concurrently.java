package io.settlekit.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks on their own threads, released together by one latch so that they really contend, and waits
 * for all of them (at most {@link #TIMEOUT}); the first failure of any task is thrown. For concurrency
 * tests of ports and use cases: {@code run} for tasks without a result, {@code call} for tasks with one.
 *
 * <p>Thread-safe: static helpers whose every call has its own threads and latch.
 */
public final class Concurrently {
    /** How long all tasks together may take. */
    public static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** One task of a concurrency test. */
    @FunctionalInterface
    public interface Task {
        /** Does the work; may throw. */
        void run() throws Exception;
    }

    private Concurrently() {
    }

    /** Runs every task on a thread of its own, all starting at once, and waits for them. */
    public static void run(List<Task> tasks) throws Exception {
        List<Callable<Void>> callables = new ArrayList<>();
        for (Task task : tasks) {
            callables.add(() -> {
                task.run();
                return null;
            });
        }
        call(callables);
    }

    /** Runs {@code copies} copies of {@code task} at once. */
    public static void run(int copies, Task task) throws Exception {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            tasks.add(task);
        }
        run(tasks);
    }

    /** Calls every task on a thread of its own, all starting at once, and returns the results in task order. */
    public static <T> List<T> call(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> done = new ArrayList<>();
            for (Callable<T> task : tasks) {
                done.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            Instant deadline = Instant.now().plus(TIMEOUT);
            List<T> results = new ArrayList<>();
            for (Future<T> future : done) {
                results.add(future.get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Calls {@code copies} copies of {@code task} at once and returns their results. */
    public static <T> List<T> call(int copies, Callable<T> task) throws Exception {
        List<Callable<T>> tasks = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            tasks.add(task);
        }
        return call(tasks);
    }
}
