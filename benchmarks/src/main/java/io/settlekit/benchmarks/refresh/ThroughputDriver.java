package io.settlekit.benchmarks.refresh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one check from a fixed number of threads for a fixed time and reports the calls made and the CPU
 * time the calling threads used (the client's cost per call, which the machine's load does not inflate).
 */
final class ThroughputDriver {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** One check: {@code user} is the index of the user this call is for. */
    interface Check {
        void check(int user);
    }

    private final ExecutorService threads;
    private final int threadCount;

    ThroughputDriver(int threadCount) {
        this.threadCount = threadCount;
        this.threads = Executors.newFixedThreadPool(threadCount, runnable -> {
            Thread thread = new Thread(runnable, "refresh-bench");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What one round did: calls made by all threads, in how many seconds. */
    record Round(long calls, double seconds, long cpuNanos) {
        double perSecond() {
            return calls / seconds;
        }
    }

    /**
     * Calls {@code check} from every thread for {@code length}, users cycling over {@code users} (1 = one
     * hot user), and returns the calls made.
     */
    Round run(Check check, int users, Duration length) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<long[]>> counts = new ArrayList<>();
        long nanos = length.toNanos();
        for (int t = 0; t < threadCount; t++) {
            int thread = t;
            counts.add(threads.submit(() -> {
                start.await();
                long cpuBegin = CPU.getCurrentThreadCpuTime();
                long begin = System.nanoTime();
                long calls = 0;
                // each thread walks the users from its own offset with a stride coprime to 10,000
                long user = thread * 1_237L;
                while (System.nanoTime() - begin < nanos) {
                    check.check((int) (user % users));
                    user += 7_919;
                    calls++;
                }
                return new long[] {calls, CPU.getCurrentThreadCpuTime() - cpuBegin};
            }));
        }
        long begin = System.nanoTime();
        start.countDown();
        long total = 0;
        long cpu = 0;
        for (Future<long[]> count : counts) {
            total += count.get()[0];
            cpu += count.get()[1];
        }
        return new Round(total, (System.nanoTime() - begin) / 1e9, cpu);
    }

    void close() {
        threads.shutdownNow();
    }
}
